using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.JobTypes.AutomatedSets;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Server.Soap.Mapping;

namespace IpsApi.Server.Operations.Jobs;

/// <summary>
/// The submit-time half of "name only what exists": the assets, macro and set rules a job names are looked up in
/// the company, and each one missing is a problem of the request. What disappears between submit and run is the
/// executors' to report, as a warning.
/// </summary>
public sealed class JobReferenceCheck(AssetStore assets, ExportStore exports, SetScriptStore scripts)
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

        return problems;
    }
}
