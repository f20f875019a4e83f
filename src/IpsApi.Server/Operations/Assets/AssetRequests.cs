using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Operations.Folders;
using IpsApi.Server.Soap;
using W = IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

/// <summary>
/// What the asset operations share: the company (checked), asset handles read the same way everywhere (a handle of
/// another company reads exactly like one of no asset), destination folders by handle or path, asset type filters
/// by their documented names, and the counts and per-asset faults of the batch operations.
/// </summary>
public sealed class AssetRequests(FolderRequests folders, FolderStore folderStore)
{
    /// <summary>Most handles, names or moves one request may carry.</summary>
    public const int MaxItems = AssetCatalog.MaxAssets;

    public Task<Company> CompanyAsync(IpsCall call, string? companyHandle, CancellationToken cancellationToken) =>
        folders.CompanyAsync(call, companyHandle, cancellationToken);

    public Task CheckAccessAsync(IpsCall call, Company company, string? accessUserHandle, string? accessGroupHandle, CancellationToken cancellationToken) =>
        folders.CheckAccessAsync(call, company, accessUserHandle, accessGroupHandle, cancellationToken);

    /// <summary>The asset id of a handle of this company's; null for anything else.</summary>
    public static long? IdOf(Company company, string? handle) =>
        AssetHandles.TryParse(handle?.Trim(), out var owner, out var id) && owner == company.Handle ? id : null;

    /// <summary>The asset id a required handle names, or fault 30002 (absent) or 30001 (no asset of the company).</summary>
    public static long RequireId(Company company, string? handle, string parameter = "assetHandle")
    {
        RequestParameters.Require((parameter, handle));
        return IdOf(company, handle) ?? throw NoAsset(company, handle!, parameter);
    }

    public static IpsFaultException NoAsset(Company company, string handle, string parameter = "assetHandle") =>
        IpsFaultException.InvalidParameter($"Invalid parameter {parameter}: no asset '{handle}' in company {company.Handle}");

    /// <summary>
    /// A refused change of one asset as the fault its operation answers with (nothing when it was done): no asset and
    /// an asset in the trash are about <paramref name="parameter"/>, anything else about <paramref name="conflictParameter"/>.
    /// </summary>
    public static void ThrowIfRefused(AssetChange change, Company company, string handle, string parameter = "assetHandle", string? conflictParameter = null)
    {
        if (change.Outcome != ChangeOutcome.Error)
        {
            return;
        }

        if (change.Reason == AssetChangeReasons.NoAsset)
        {
            throw NoAsset(company, handle, parameter);
        }

        var about = change.Reason?.Contains("trash", StringComparison.Ordinal) == true ? parameter : conflictParameter ?? parameter;
        throw IpsFaultException.InvalidParameter($"Invalid parameter {about}: {change.Reason}");
    }

    /// <summary>The items of a required array: fault 30002 when there are none, 30001 when there are too many.</summary>
    public static IReadOnlyList<T> Items<T>(IReadOnlyList<T>? items, string parameter)
    {
        if (items is null || items.Count == 0)
        {
            throw IpsFaultException.MissingParameter($"Missing required parameter: {parameter}");
        }

        return items.Count > MaxItems
            ? throw IpsFaultException.InvalidParameter($"Invalid parameter {parameter}: {items.Count} items (at most {MaxItems} in one request)")
            : items;
    }

    /// <summary>
    /// The folder (a path from the company root) a destination names: a folder handle, or a folder path in any of
    /// the forms clients write; fault 30001 when the company has no such folder.
    /// </summary>
    public async Task<string?> FolderOrNullAsync(Company company, string? handleOrPath, CancellationToken cancellationToken)
    {
        var text = handleOrPath?.Trim() ?? "";
        if (FolderHandles.TryParse(text, out _, out _))
        {
            return (await folderStore.FindByHandleAsync(company.Id, company.Handle, text, cancellationToken))?.Path;
        }

        if (FolderPaths.Problem(text) is not null)
        {
            return null;
        }

        return (await folderStore.FindAsync(company.Id, FolderPaths.Normalize(text, company.Name), cancellationToken))?.Path;
    }

    public async Task<string> FolderAsync(Company company, string? handleOrPath, string parameter, CancellationToken cancellationToken)
    {
        RequestParameters.Require((parameter, handleOrPath));
        return await FolderOrNullAsync(company, handleOrPath, cancellationToken)
            ?? throw IpsFaultException.InvalidParameter($"Invalid parameter {parameter}: no folder '{handleOrPath}' in company {company.Handle}");
    }

    /// <summary>The stored type names documented asset type names select (null: none given); unknown names are problems.</summary>
    public static IReadOnlyCollection<string>? TypeNames(W.StringArray? names, string parameter, List<string> problems)
    {
        var given = names?.Items.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (given is null || given.Count == 0)
        {
            return null;
        }

        var unknown = given.Where(n => !AssetTypeNames.Documented.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"Invalid parameter {parameter}: {string.Join(", ", unknown.Select(u => $"'{u}'"))} (not an asset type)");
        }

        return given.SelectMany(AssetTypeNames.StoredNamesFor).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Sub type names: given ones, or null.</summary>
    public static IReadOnlyCollection<string>? SubTypes(W.StringArray? names) =>
        names?.Items.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } set ? set : null;

    /// <summary>
    /// The answer of a batch operation: one outcome per item, in the order given. An item whose handle names no asset
    /// of the company is an error without reaching the store.
    /// </summary>
    public sealed class Tally
    {
        private readonly List<W.AssetOperationFault> _warnings = [];
        private readonly List<W.AssetOperationFault> _errors = [];

        public int Success { get; private set; }

        public void Add(string handle, AssetChange change)
        {
            switch (change.Outcome)
            {
                case ChangeOutcome.Done:
                    Success++;
                    break;
                case ChangeOutcome.Warning:
                    _warnings.Add(Fault(handle, change.Reason));
                    break;
                default:
                    _errors.Add(Fault(handle, change.Reason));
                    break;
            }
        }

        public void NoAsset(string? handle) => _errors.Add(Fault(handle ?? "", AssetChangeReasons.NoAsset));

        public void Refuse(string? handle, string reason) => _errors.Add(Fault(handle ?? "", reason));

        public int WarningCount => _warnings.Count;

        public int ErrorCount => _errors.Count;

        public W.AssetOperationFaultArray? Warnings => _warnings.Count == 0 ? null : new W.AssetOperationFaultArray { Items = _warnings };

        public W.AssetOperationFaultArray? Errors => _errors.Count == 0 ? null : new W.AssetOperationFaultArray { Items = _errors };

        private static W.AssetOperationFault Fault(string handle, string? reason) =>
            new() { AssetHandle = handle, Code = 30001, Reason = ReasonText(reason) };
    }

    private static string ReasonText(string? reason) => reason == AssetChangeReasons.NoAsset ? "no asset of this handle in the company" : reason ?? "";
}
