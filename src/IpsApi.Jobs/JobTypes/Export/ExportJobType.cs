using System.Text.Json.Serialization;
using IpsApi.Assets.Rendering;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.Export;

/// <summary>Export assets as a ZIP (<c>exportJob</c>).</summary>
/// <param name="AssetHandles">The <c>assetHandleArray</c> items.</param>
/// <param name="Format"><c>fmt</c>.</param>
/// <param name="IsModifier"><c>is_modifier</c>: image serving modifiers for <see cref="ExportFormat.convert"/>.</param>
/// <param name="Macro">A macro (image preset) for <see cref="ExportFormat.convert"/>; wins over
/// <paramref name="IsModifier"/> when both are given. Both are kept as given, for the echo.</param>
/// <param name="EmailSetting"><c>emailSetting</c>.</param>
/// <param name="ClientId"><c>clientId</c>.</param>
[JobElement("exportJob")]
public sealed record ExportSpec(
    IReadOnlyList<string> AssetHandles,
    ExportFormat Format,
    string? IsModifier,
    string? Macro,
    EmailSetting EmailSetting,
    string? ClientId) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.Export;

    public override RunNotification Notification() => new(EmailSetting, null);
}

/// <summary>exportJob: its element on the wire and its executor.</summary>
public sealed class ExportJobType : JobTypeDefinition<W.ExportJob, ExportSpec>
{
    public override Type ExecutorType => typeof(ExportExecutor);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddSingleton<ExportStore>();
    }

    public override ExportSpec Read(WireReader reader, W.ExportJob element, string path)
    {
        var format = reader.RequiredEnum<ExportFormat>(element.Fmt, PathOf(path, "fmt"));
        var hasMacro = !string.IsNullOrWhiteSpace(element.Macro);
        if (format == ExportFormat.convert && string.IsNullOrWhiteSpace(element.IsModifier) && !hasMacro)
        {
            // A conversion needs to know what to convert to; the executor uses macro when both are given.
            reader.Missing($"{PathOf(path, "is_modifier")} (or {PathOf(path, "macro")})");
        }
        else if (format == ExportFormat.convert && hasMacro)
        {
            reader.References.AddMacro(new NamedReference(PathOf(path, "macro"), element.Macro!));
            reader.References.AddRendering(new RenderingReference(PathOf(path, "macro"), null, element.Macro));
        }
        else if (format == ExportFormat.convert)
        {
            // Checked by the parser the export renders with, so what passes here renders there.
            ImageModifiers.Parse(element.IsModifier, out var problems);
            foreach (var problem in problems)
            {
                reader.Invalid(PathOf(path, "is_modifier"), problem.UnknownName
                    ? $"{ValidationProblem.Quote(problem.Modifier)} is not a supported modifier (supported: {string.Join(", ", ImageModifiers.Names)})"
                    : $"{ValidationProblem.Quote(problem.Modifier)} has an invalid value");
            }

            if (problems.Count == 0)
            {
                reader.References.AddRendering(new RenderingReference(PathOf(path, "is_modifier"), element.IsModifier, null));
            }
        }

        return new ExportSpec(
            reader.RequiredAssetHandles(element.AssetHandleArray, PathOf(path, "assetHandleArray")),
            format,
            element.IsModifier,
            element.Macro,
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            element.ClientId);
    }

    public override W.ExportJob Echo(ExportSpec spec) => new()
    {
        AssetHandleArray = OptionsEcho.Handles(spec.AssetHandles),
        Fmt = spec.Format.ToString(),
        IsModifier = spec.IsModifier,
        Macro = spec.Macro,
        EmailSetting = spec.EmailSetting.ToString(),
        ClientId = spec.ClientId,
    };

    protected override W.ExportJob? Get(W.IJobElements carrier) => carrier.ExportJob;

    protected override void Set(W.IJobElements carrier, W.ExportJob element) => carrier.ExportJob = element;
}
