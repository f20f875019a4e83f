using System.Text.RegularExpressions;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;

namespace IpsApi.Jobs.JobTypes.AutomatedSets;

/// <summary>
/// automatedSetGenerationJob: the company's set rules named in autoSetCreationOptions are applied to the listed
/// assets; each set a rule names is created, or updated with the new members, in destFolder (else the folder of
/// its first member), members ordered by the rule's order group. Each set: SetGenerationSuccess, or
/// SetGenerationError when its path is taken; unknown rules and handles, sets and unmatched names are warnings.
/// </summary>
public sealed class AutomatedSetGenerationExecutor(AssetStore assets, SetScriptStore scripts) : JobExecutor<AutomatedSetGenerationSpec>
{
    public override JobType Type => JobType.AutomatedSetGeneration;

    protected override async Task ExecuteAsync(JobRun run, AutomatedSetGenerationSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var rules = new List<SetScript>();
        foreach (var name in spec.AutoSetCreationOptions?.AutoSetHandles ?? [])
        {
            if (await scripts.FindAsync(company.Id, name, cancellationToken) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                await run.Log.WriteAsync(JobLogTypes.SetGenerationWarning, LogText.Of(LogKeys.SetScriptUnknown, name), cancellationToken: cancellationToken);
            }
        }

        var handles = spec.AssetHandles ?? [];
        // Sets in the order their first member was listed, so the log reads like the request.
        var sets = new Dictionary<(SetScript Rule, string Name), List<Asset>>();
        await run.ForEachItemAsync(handles, new ItemLoop("AutomatedSetGeneration", "assets"), async (handle, _, cancellationToken) =>
        {
            var asset = await assets.FindByHandleAsync(company.Id, company.Handle, handle, cancellationToken);
            if (asset is null)
            {
                await run.Log.WriteAsync(JobLogTypes.SetGenerationWarning, LogText.Of(LogKeys.UnknownAssetHandle, handle), assetHandle: handle,
                    cancellationToken: cancellationToken);
                return;
            }

            if (asset.InTrash)
            {
                await run.Log.WriteAsync(JobLogTypes.SetGenerationWarning, LogText.Of(LogKeys.AssetInTrash, handle), asset.Path, asset.Type.ToString(), asset.Handle,
                    cancellationToken: cancellationToken);
                return;
            }

            if (asset.IsSet)
            {
                await run.Log.WriteAsync(JobLogTypes.SetGenerationWarning, LogText.Of(LogKeys.NoOwnFile, asset.Type.ToString()), asset.Path,
                    asset.Type.ToString(), asset.Handle, cancellationToken: cancellationToken);
                return;
            }

            // The first rule that matches decides: an asset is a member of one generated set.
            var match = rules.Select(r => (Rule: r, Match: r.Pattern.Match(asset.FileName))).FirstOrDefault(m => m.Match.Success);
            if (match.Rule is null)
            {
                await run.Log.WriteAsync(JobLogTypes.SetGenerationWarning, LogText.Of(LogKeys.SetNoMatch), asset.Path, asset.Type.ToString(),
                    asset.Handle, cancellationToken: cancellationToken);
                return;
            }

            var key = (match.Rule, match.Match.Groups["set"].Value);
            if (!sets.TryGetValue(key, out var members))
            {
                sets[key] = members = [];
            }

            members.Add(asset);
        }, cancellationToken);

        foreach (var ((rule, name), members) in sets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = FolderPaths.Normalize(spec.DestFolder ?? "", company.Name) is { Length: > 0 } destination ? destination : members[0].Folder;
            var path = folder.Length == 0 ? name : $"{folder}/{name}";
            // Updating keeps the members the set had, the new ones joining them in order.
            var existing = await assets.FindAsync(company.Id, folder, name, cancellationToken);
            var all = existing is { IsSet: true } ? (await assets.SetMembersAsync(company.Id, existing.Id, cancellationToken)).ToList() : [];
            all.AddRange(members.Where(m => all.All(a => a.Id != m.Id)));
            var ordered = all.OrderBy(m => OrderKey(rule, m.Name), StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => m.Id).ToList();
            var saved = await assets.SaveSetAsync(company.Id, company.Handle, folder, name, rule.SetType, ordered, spec.ReadyForPublish, cancellationToken);
            if (saved is not { } written)
            {
                await run.Log.WriteAsync(JobLogTypes.SetGenerationError, LogText.Of(LogKeys.SetPathTaken), path, rule.SetType.ToString(), cancellationToken: cancellationToken);
                continue;
            }

            await run.Log.WriteAsync(written.Created ? JobLogTypes.SetGenerationSuccess : JobLogTypes.FileUpdated,
                LogText.Of(LogKeys.SetWritten, ordered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), path,
                rule.SetType.ToString(), written.Set.Handle, cancellationToken: cancellationToken);
        }
    }

    private static string OrderKey(SetScript rule, string name)
    {
        var match = rule.Pattern.Match(name);
        return match.Success && match.Groups[rule.OrderGroup] is { Success: true } group ? group.Value : "";
    }
}
