using System.Globalization;
using IpsApi.Assets.Rendering;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.JobTypes.AutomatedSets;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Server.Soap.Mapping;
using Microsoft.Extensions.Options;

namespace IpsApi.Server.Operations.Jobs;

/// <summary>
/// The submit-time half of "name only what exists": the assets, macro and set rules a job names are looked up in
/// the company, and each one missing is a problem of the request. What disappears between submit and run is the
/// executors' to report, as a warning. A conversion is checked against the size limits of <c>/is/image</c> for
/// each image the job names, from the sizes on their rows, so an export that could only be refused is not stored.
/// </summary>
public sealed class JobReferenceCheck(AssetStore assets, ExportStore exports, SetScriptStore scripts, IOptions<RenderLimits> limits)
{
    public async Task<IReadOnlyList<ValidationProblem>> ProblemsAsync(Company company, JobReferences references, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        if (references.Assets.Count > 0)
        {
            var existing = await assets.ExistingIdsAsync(company.Id, [.. references.Assets.Select(a => a.AssetId)], cancellationToken);
            problems.AddRange(references.Assets
                .Where(a => !existing.Contains(a.AssetId))
                .Select(a => ValidationProblem.Invalid(a.Path, $"{ValidationProblem.Quote(a.Handle)} is not an asset of this company")));
        }

        foreach (var macro in references.Macros)
        {
            if (await exports.MacroAsync(company.Id, macro.Name, cancellationToken) is null)
            {
                problems.Add(ValidationProblem.Invalid(macro.Path, $"the company has no macro {ValidationProblem.Quote(macro.Name)}"));
            }
        }

        foreach (var script in references.SetScripts)
        {
            if (await scripts.FindAsync(company.Id, script.Name, cancellationToken) is null)
            {
                problems.Add(ValidationProblem.Invalid(script.Path, $"the company has no set rule {ValidationProblem.Quote(script.Name)}"));
            }
        }

        foreach (var rendering in references.Renderings)
        {
            problems.AddRange(await OversizeProblemsAsync(company, references, rendering, cancellationToken));
        }

        return problems;
    }

    private async Task<IEnumerable<ValidationProblem>> OversizeProblemsAsync(
        Company company, JobReferences references, RenderingReference rendering, CancellationToken cancellationToken)
    {
        var text = rendering.Macro is null ? rendering.Modifiers : await exports.MacroAsync(company.Id, rendering.Macro, cancellationToken);
        var modifiers = ImageModifiers.Parse(text, out var parseProblems);
        if (text is null || parseProblems.Count > 0 || references.Assets.Count == 0)
        {
            return [];
        }

        var sizes = await assets.ImageSizesAsync(company.Id, [.. references.Assets.Select(a => a.AssetId)], cancellationToken);
        var settings = limits.Value;
        return references.Assets
            .Where(a => sizes.ContainsKey(a.AssetId))
            .Select(a => (a.Handle, Oversize: modifiers.OversizeFor(sizes[a.AssetId].Width, sizes[a.AssetId].Height, settings)))
            .Where(o => o.Oversize is not null)
            .Select(o => ValidationProblem.Invalid(rendering.Path, string.Create(CultureInfo.InvariantCulture,
                $"the conversion of {ValidationProblem.Quote(o.Handle)} would be {o.Oversize!.Width} x {o.Oversize.Height} pixels, more than this server renders ({settings.MaxSide} per side, {settings.MaxPixels} in all)")));
    }
}
