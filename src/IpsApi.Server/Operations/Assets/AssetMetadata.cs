using System.Globalization;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

// getMetadataFields, setAssetMetadata, batchSetAssetMetadata. Metadata fields here are free: a field is its name
// (the fieldHandle getMetadataFields answers is that name, "custom_attributes.<name>" reads the same), values are
// text, and a field exists for a company once an asset of the type has a value for it.

/// <summary>getMetadataFields: the fields the company's assets of the type have had values for (all types: Asset), by name.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin, UserRole.ImagePortalUser,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetMetadataFields(AssetRequests requests, AssetCatalog catalog) : IOperationHandler<GetMetadataFieldsRequest, GetMetadataFieldsResponse>
{
    public async Task<GetMetadataFieldsResponse> HandleAsync(GetMetadataFieldsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetMetadataFieldsParam ?? new GetMetadataFieldsParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("assetType", param.AssetType));
        var problems = new List<string>();
        var types = AssetRequests.TypeNames(new StringArray { Items = [param.AssetType!] }, "assetType", problems);
        RequestParameters.ThrowIfAny(problems);

        var keys = await catalog.MetadataFieldsAsync(company.Id, param.AssetType!.Trim() == "Asset" ? null : types, cancellationToken);
        return new GetMetadataFieldsResponse
        {
            GetMetadataFieldsReturn = new GetMetadataFieldsReturn
            {
                FieldArray = keys.Count == 0
                    ? null
                    : new MetadataFieldArray
                    {
                        Items =
                        [
                            .. keys.Select(k => new MetadataField
                            {
                                FieldHandle = k, Name = k, Type = "String", IsRequired = false, IsUserDefined = true, IsHidden = false, IsEnforced = false,
                            }),
                        ],
                    },
            },
        };
    }
}

/// <summary>setAssetMetadata: new values of the asset's fields; an empty value removes the field. All or nothing.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class SetAssetMetadata(AssetRequests requests, AssetChanges changes) : IOperationHandler<SetAssetMetadataRequest, SetAssetMetadataResponse>
{
    public async Task<SetAssetMetadataResponse> HandleAsync(SetAssetMetadataRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.SetAssetMetadataParam ?? new SetAssetMetadataParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("assetHandle", param.AssetHandle));
        var updates = AssetRequests.Items(param.UpdateArray?.Items, "updateArray");
        var problems = new List<string>();
        var writes = MetadataUpdates.Read(updates, "updateArray", problems);
        RequestParameters.ThrowIfAny(problems);

        var id = AssetRequests.RequireId(company, param.AssetHandle);
        var change = await changes.SetMetadataAsync(company.Id, id, writes, call.User.Email, cancellationToken);
        AssetRequests.ThrowIfRefused(change, company, param.AssetHandle!);
        return new SetAssetMetadataResponse { SetAssetMetadataReturn = new SetAssetMetadataReturn() };
    }
}

/// <summary>
/// batchSetAssetMetadata: each item's values on each of its assets. Every update is checked before any asset
/// changes; then each asset is written on its own (successCount counts assets), one of no asset or in the trash
/// being an error of the answer.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class BatchSetAssetMetadata(AssetRequests requests, AssetChanges changes) : IOperationHandler<BatchSetAssetMetadataRequest, BatchSetAssetMetadataResponse>
{
    public async Task<BatchSetAssetMetadataResponse> HandleAsync(BatchSetAssetMetadataRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.BatchSetAssetMetadataParam ?? new BatchSetAssetMetadataParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var items = AssetRequests.Items(param.UpdateArray?.Items, "updateArray");
        var problems = new List<string>();
        var batches = items.Select((item, i) =>
        {
            var handles = item.AssetHandleArray?.Items.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToList() ?? [];
            if (handles.Count == 0)
            {
                problems.Add($"Invalid parameter updateArray item {i + 1}: no assetHandleArray");
            }

            var updates = item.UpdateArray?.Items ?? [];
            if (updates.Count == 0)
            {
                problems.Add($"Invalid parameter updateArray item {i + 1}: no updateArray");
            }

            return (Handles: handles, Writes: MetadataUpdates.Read(updates, $"updateArray item {i + 1}", problems));
        }).ToList();
        if (batches.Sum(b => b.Handles.Count) is var total and > AssetRequests.MaxItems)
        {
            problems.Add($"Invalid parameter updateArray: {total} assets (at most {AssetRequests.MaxItems} in one request)");
        }

        RequestParameters.ThrowIfAny(problems);

        var tally = new AssetRequests.Tally();
        foreach (var (handles, writes) in batches)
        {
            foreach (var handle in handles)
            {
                if (AssetRequests.IdOf(company, handle) is { } id)
                {
                    tally.Add(handle, await changes.SetMetadataAsync(company.Id, id, writes, call.User.Email, cancellationToken));
                }
                else
                {
                    tally.NoAsset(handle);
                }
            }
        }

        return new BatchSetAssetMetadataResponse
        {
            BatchSetAssetMetadataReturn = new BatchSetAssetMetadataReturn
            {
                SuccessCount = tally.Success, WarningCount = tally.WarningCount, ErrorCount = tally.ErrorCount,
                WarningDetailArray = tally.Warnings, ErrorDetailArray = tally.Errors,
            },
        };
    }
}

/// <summary>MetadataUpdate items read into writes: a field name and exactly one value, as text.</summary>
internal static class MetadataUpdates
{
    public const int MaxKeyLength = 255;

    public const int MaxValueLength = 1_000_000;

    public static IReadOnlyList<MetadataWrite> Read(IReadOnlyList<MetadataUpdate> updates, string parameter, List<string> problems)
    {
        var writes = new List<MetadataWrite>();
        foreach (var (update, index) in updates.Select((u, i) => (u, i)))
        {
            var what = $"Invalid parameter {parameter} update {index + 1}";
            var key = Key(update.FieldHandle);
            if (key is null)
            {
                problems.Add($"{what}: fieldHandle '{update.FieldHandle}' (a field name of 1 to {MaxKeyLength} characters without control characters)");
                continue;
            }

            if (update.AddTagValueArray is not null || update.SetTagValueArray is not null || update.DeleteTagValueArray is not null)
            {
                problems.Add($"{what} ({key}): this server has no tag fields (send value)");
                continue;
            }

            var values = new[]
            {
                update.Value,
                update.BoolVal is { } b ? (b ? "true" : "false") : null,
                update.LongVal?.ToString(CultureInfo.InvariantCulture),
                update.DoubleVal?.ToString("R", CultureInfo.InvariantCulture),
                update.DateVal is { } d ? (d.Kind == DateTimeKind.Unspecified ? d : d.ToUniversalTime()).ToString("o", CultureInfo.InvariantCulture) : null,
            }.Where(v => v is not null).ToList();
            if (values.Count != 1)
            {
                problems.Add($"{what} ({key}): {(values.Count == 0 ? "no value" : "more than one value")} (one of value, boolVal, longVal, doubleVal, dateVal)");
                continue;
            }

            if (values[0]!.Length > MaxValueLength)
            {
                problems.Add($"{what} ({key}): the value is longer than {MaxValueLength} characters");
                continue;
            }

            writes.Add(new MetadataWrite(key, values[0]!.Length == 0 ? null : values[0]));
        }

        return writes;
    }

    /// <summary>The field a handle names: the handle itself, or the field after "custom_attributes."; null if it is none.</summary>
    public static string? Key(string? handle)
    {
        var key = handle?.Trim() ?? "";
        if (key.StartsWith("custom_attributes.", StringComparison.Ordinal))
        {
            key = key["custom_attributes.".Length..];
        }

        return key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl) ? null : key;
    }
}
