using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.AutomatedSets;

/// <summary>Build image sets from assets by the company's set rules (<c>automatedSetGenerationJob</c>).</summary>
/// <param name="AssetHandles">The <c>assetHandleArray</c> items.</param>
[JobElement("automatedSetGenerationJob")]
public sealed record AutomatedSetGenerationSpec(
    IReadOnlyList<string> AssetHandles,
    string? DestFolder,
    bool ReadyForPublish,
    AutoSetCreationOptions AutoSetCreationOptions,
    EmailSetting EmailSetting) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.AutomatedSetGeneration;

    public override RunNotification Notification() => new(EmailSetting, null);
}

/// <summary>automatedSetGenerationJob: its element on the wire and its executor.</summary>
public sealed class AutomatedSetGenerationJobType : JobTypeDefinition<W.AutomatedSetGenerationJob, AutomatedSetGenerationSpec>
{
    public override Type ExecutorType => typeof(AutomatedSetGenerationExecutor);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddSingleton<SetScriptStore>();
    }

    public override AutomatedSetGenerationSpec Read(WireReader reader, W.AutomatedSetGenerationJob element, string path)
    {
        reader.FolderPath(element.DestFolder, PathOf(path, "destFolder"));
        var setsPath = PathOf(PathOf(path, "autoSetCreationOptions"), "autoSetsArray");
        var sets = reader.RequiredAutoSetCreation(element.AutoSetCreationOptions, PathOf(path, "autoSetCreationOptions"));
        var names = sets.AutoSetHandles ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(names[i]))
            {
                reader.References.AddSetScript(new NamedReference($"{setsPath}/items[{i}]", names[i]));
            }
        }

        return new AutomatedSetGenerationSpec(
            reader.RequiredAssetHandles(element.AssetHandleArray, PathOf(path, "assetHandleArray")),
            element.DestFolder,
            reader.RequiredBool(element.ReadyForPublish, PathOf(path, "readyForPublish")),
            sets,
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")));
    }

    public override W.AutomatedSetGenerationJob Echo(AutomatedSetGenerationSpec spec) => new()
    {
        AssetHandleArray = OptionsEcho.Handles(spec.AssetHandles),
        DestFolder = spec.DestFolder,
        ReadyForPublish = spec.ReadyForPublish,
        AutoSetCreationOptions = OptionsEcho.AutoSetCreation(spec.AutoSetCreationOptions),
        EmailSetting = spec.EmailSetting.ToString(),
    };

    protected override W.AutomatedSetGenerationJob? Get(W.IJobElements carrier) => carrier.AutomatedSetGenerationJob;

    protected override void Set(W.IJobElements carrier, W.AutomatedSetGenerationJob element) => carrier.AutomatedSetGenerationJob = element;
}
