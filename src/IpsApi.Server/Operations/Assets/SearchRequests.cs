using System.Globalization;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using W = IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

/// <summary>
/// The search parameters of searchAssets and searchAssetsByMetadata read into an <see cref="AssetFilter"/>: each
/// documented constant by its exact name, every problem collected for one fault 30001. What this server cannot
/// search (tag fields, projects, the Description, Comments, UserData, Sku and CreatedWith system fields) is a problem
/// that says so, never a condition silently dropped.
/// </summary>
public sealed class SearchRequests(ServerTimeZone zone)
{
    /// <summary>Most assets one page holds; <see cref="MaxPageOfNames"/> when only names, handles and types are asked for.</summary>
    public const int MaxPage = 1000;

    public const int MaxPageOfNames = 10_000;

    private static readonly string[] StringOps = ["Equals", "NotEquals", "Contains", "NotContains", "StartsWith", "EndsWith"];

    private static readonly string[] OrderOps = ["Equals", "NotEquals", "LessThan", "LessThanEquals", "GreaterThan", "GreaterThanEquals", "Between", "NotBetween"];

    /// <summary>System fields (Asset Search System Fields, and LastModified as IPS examples use it) and what they test.</summary>
    private static readonly Dictionary<string, AssetField> SystemFields = new(StringComparer.Ordinal)
    {
        ["Name"] = new AssetField.Text(TextColumn.Name),
        ["FileName"] = new AssetField.Text(TextColumn.FileName),
        ["CreateUser"] = new AssetField.Text(TextColumn.CreateUser),
        ["LastModifyUser"] = new AssetField.Text(TextColumn.LastModifyUser),
        ["FileSize"] = new AssetField.Number(NumberColumn.FileSize),
        ["Created"] = new AssetField.Date(DateColumn.Created),
        ["LastModified"] = new AssetField.Date(DateColumn.LastModified),
    };

    private static readonly string[] UnsupportedSystemFields = ["Description", "Comments", "UserData", "Sku", "CreatedWith"];

    /// <summary>searchAssetsByMetadata's field handles for what the asset row holds (its metadata fields are every other handle).</summary>
    private static readonly Dictionary<string, AssetField> MetadataSearchFields = new(StringComparer.Ordinal)
    {
        ["asset_id"] = new AssetField.Number(NumberColumn.AssetId),
        ["name"] = new AssetField.Text(TextColumn.Name),
        ["file_name"] = new AssetField.Text(TextColumn.FileName),
        ["folder_path"] = new AssetField.Text(TextColumn.FolderPath),
        ["type"] = new AssetField.Text(TextColumn.TypeName),
        ["created_by"] = new AssetField.Text(TextColumn.CreateUser),
        ["modified_by"] = new AssetField.Text(TextColumn.LastModifyUser),
        ["created_at"] = new AssetField.Date(DateColumn.Created),
        ["modified_at"] = new AssetField.Date(DateColumn.LastModified),
    };

    public static bool? MatchAny(string? mode, string parameter, List<string> problems)
    {
        switch (mode?.Trim())
        {
            case null or "" or "MatchAll":
                return false;
            case "MatchAny":
                return true;
            default:
                problems.Add($"Invalid parameter {parameter}: '{mode}' (MatchAll or MatchAny)");
                return null;
        }
    }

    public static TrashFilter Trash(string? state, List<string> problems)
    {
        switch (state?.Trim())
        {
            case null or "" or TrashStates.NotInTrash:
                return TrashFilter.NotInTrash;
            case TrashStates.InTrash:
                return TrashFilter.InTrash;
            case TrashStates.InEmptiedTrash:
                return TrashFilter.Emptied;
            case "Any":
                return TrashFilter.Any;
            default:
                problems.Add($"Invalid parameter trashState: '{state}' (NotInTrash, InTrash, InEmptiedTrash or Any)");
                return TrashFilter.NotInTrash;
        }
    }

    public static bool? MarkedForPublish(string? state, List<string> problems)
    {
        switch (state?.Trim())
        {
            case null or "":
                return null;
            case "MarkedForPublish":
                return true;
            case "NotMarkedForPublish":
                return false;
            default:
                problems.Add($"Invalid parameter publishState: '{state}' (MarkedForPublish or NotMarkedForPublish)");
                return null;
        }
    }

    public static AssetPage Page(string? sortBy, string? sortDirection, int? recordsPerPage, int? resultsPage, int maxPage, List<string> problems)
    {
        var sort = RequestParameters.Option(sortBy, "sortBy", AssetSort.Name, problems);
        var descending = RequestParameters.Descending(sortDirection, false, problems);
        if (recordsPerPage is < 1)
        {
            problems.Add($"Invalid parameter recordsPerPage: {recordsPerPage} (1 to {maxPage})");
        }

        if (resultsPage is < 1)
        {
            problems.Add($"Invalid parameter resultsPage: {resultsPage} (pages count from 1)");
        }

        return new AssetPage(sort, descending, Math.Clamp(recordsPerPage ?? maxPage, 1, maxPage), Math.Max(resultsPage ?? 1, 1));
    }

    /// <summary>The conditions of searchAssets: keywords, system fields and metadata fields, combined as the match modes say.</summary>
    public AssetCondition? Conditions(W.SearchAssetsParam param, List<string> problems)
    {
        if (param.TagConditionArray?.Items is { Count: > 0 })
        {
            problems.Add("Invalid parameter tagConditionArray: this server has no tag fields (search metadata fields with metadataConditionArray)");
        }

        MatchAny(param.TagMatchMode, "tagMatchMode", problems);
        var groups = new List<AssetCondition>();
        var words = param.KeywordArray?.Items.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList() ?? [];
        if (words.Count > 0)
        {
            groups.Add(new AssetCondition.Keywords(words));
        }

        var systemAny = MatchAny(param.SystemFieldMatchMode, "systemFieldMatchMode", problems) ?? false;
        var system = param.SystemFieldConditionArray?.Items.Select((c, i) => SystemCondition(c, i, problems)).OfType<AssetCondition>().ToList() ?? [];
        if (system.Count > 0)
        {
            groups.Add(new AssetCondition.Group(system, systemAny));
        }

        var metadataAny = MatchAny(param.MetadataMatchMode, "metadataMatchMode", problems) ?? false;
        var metadata = Metadata(param.MetadataConditionArray, specialFields: false, problems);
        if (metadata.Count > 0)
        {
            groups.Add(new AssetCondition.Group(metadata, metadataAny));
        }

        var any = MatchAny(param.ConditionMatchMode, "conditionMatchMode", problems) ?? false;
        return groups.Count == 0 ? null : new AssetCondition.Group(groups, any);
    }

    /// <summary>
    /// Metadata conditions. With <paramref name="specialFields"/> (searchAssetsByMetadata), the field handles of what
    /// the asset row holds (name, folder_path, created_at, ...) test the row; every other handle is a metadata field,
    /// "custom_attributes.&lt;field&gt;" the field itself.
    /// </summary>
    public List<AssetCondition> Metadata(W.MetadataConditionArray? conditions, bool specialFields, List<string> problems)
    {
        var list = new List<AssetCondition>();
        foreach (var (condition, index) in (conditions?.Items ?? []).Select((c, i) => (c, i)))
        {
            var what = $"metadataConditionArray item {index + 1}";
            var handle = condition.FieldHandle?.Trim();
            if (string.IsNullOrEmpty(handle))
            {
                problems.Add($"Invalid parameter {what}: no fieldHandle");
                continue;
            }

            var field = specialFields && MetadataSearchFields.TryGetValue(handle, out var row)
                ? row
                : new AssetField.Metadata(handle.StartsWith("custom_attributes.", StringComparison.Ordinal) ? handle["custom_attributes.".Length..] : handle);
            if (Test(field, condition.Op, condition.Value, condition.LongVal, condition.MinLong, condition.MaxLong, condition.DoubleVal,
                    condition.MinDouble, condition.MaxDouble, condition.DateVal, condition.MinDate, condition.MaxDate, condition.BoolVal,
                    condition.CaseSensitive == true, $"{what} ({handle})", problems) is { } test)
            {
                list.Add(test);
            }
        }

        return list;
    }

    private AssetCondition? SystemCondition(W.SystemFieldCondition condition, int index, List<string> problems)
    {
        var name = condition.Field?.Trim() ?? "";
        var what = $"systemFieldConditionArray item {index + 1} ({name})";
        if (name == "Keywords")
        {
            if (condition.Op?.Trim() is not ("Equals" or "Contains") || string.IsNullOrWhiteSpace(condition.Value))
            {
                problems.Add($"Invalid parameter {what}: Keywords takes op Equals or Contains and a value");
                return null;
            }

            return new AssetCondition.Keywords([condition.Value.Trim()]);
        }

        if (UnsupportedSystemFields.Contains(name))
        {
            problems.Add($"Invalid parameter {what}: this server does not keep {name} as a system field (search the metadata field that holds it with metadataConditionArray)");
            return null;
        }

        if (!SystemFields.TryGetValue(name, out var field))
        {
            problems.Add($"Invalid parameter {what}: not a system field (one of {string.Join(", ", SystemFields.Keys.Append("Keywords"))})");
            return null;
        }

        return Test(field, condition.Op, condition.Value, condition.LongVal, condition.MinLong, condition.MaxLong, condition.DoubleVal,
            condition.MinDouble, condition.MaxDouble, condition.DateVal, condition.MinDate, condition.MaxDate, condition.BoolVal, false, what, problems);
    }

    /// <summary>One test of a field from an op and the value fields of a condition; null (and a problem) when it is not one.</summary>
    private AssetCondition? Test(
        AssetField field, string? opText, string? value, long? longVal, long? minLong, long? maxLong, double? doubleVal, double? minDouble,
        double? maxDouble, DateTime? dateVal, DateTime? minDate, DateTime? maxDate, bool? boolVal, bool caseSensitive, string what,
        List<string> problems)
    {
        var op = opText?.Trim() ?? "";
        var range = op is "Between" or "NotBetween";
        switch (field)
        {
            case AssetField.Text or AssetField.Metadata when StringOps.Contains(op)
                                                             && (value is not null || boolVal is not null) && longVal is null && doubleVal is null && dateVal is null:
                return new AssetCondition.TextTest(field, Enum.Parse<ComparisonOp>(op), value ?? (boolVal == true ? "true" : "false"), caseSensitive);
            case AssetField.Number or AssetField.Metadata when OrderOps.Contains(op):
            {
                decimal? low = range ? minLong ?? ToDecimal(minDouble) : longVal ?? ToDecimal(doubleVal) ?? Parse(value);
                decimal? high = range ? maxLong ?? ToDecimal(maxDouble) : 0;
                if (low is null || high is null)
                {
                    problems.Add(range
                        ? $"Invalid parameter {what}: {op} takes minLong and maxLong (or minDouble and maxDouble)"
                        : $"Invalid parameter {what}: {op} takes a number (longVal, doubleVal or value)");
                    return null;
                }

                return new AssetCondition.NumberTest(field, Enum.Parse<ComparisonOp>(op), low.Value, high.Value);
            }

            case AssetField.Date when OrderOps.Contains(op):
            {
                var low = range ? minDate : dateVal ?? ParseDate(value);
                var high = range ? maxDate : dateVal ?? ParseDate(value);
                if (low is null || high is null)
                {
                    problems.Add(range
                        ? $"Invalid parameter {what}: {op} takes minDate and maxDate"
                        : $"Invalid parameter {what}: {op} takes a date (dateVal, or value as an xsd:dateTime)");
                    return null;
                }

                return new AssetCondition.DateTest(field, Enum.Parse<ComparisonOp>(op), Instant(low.Value), Instant(high.Value));
            }

            default:
                var ops = field switch
                {
                    AssetField.Text => StringOps,
                    AssetField.Metadata => StringOps.Concat(OrderOps).Distinct(),
                    _ => OrderOps,
                };
                problems.Add(StringOps.Contains(op) || OrderOps.Contains(op)
                    ? $"Invalid parameter {what}: op {op} needs {(field is AssetField.Text or AssetField.Metadata ? "a value" : "a value of the field's kind")}"
                    : $"Invalid parameter {what}: op '{opText}' (one of {string.Join(", ", ops)})");
                return null;
        }
    }

    private static decimal? ToDecimal(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < 7.9e28 ? (decimal)v : null;

    private static decimal? Parse(string? value) =>
        decimal.TryParse(value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTime? ParseDate(string? value) =>
        DateTime.TryParse(value?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;

    /// <summary>A date as the wire gave it: with an offset or in UTC as it says, without one in the server's zone (as execTime).</summary>
    private DateTimeOffset Instant(DateTime date) => date.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(date, TimeSpan.Zero),
        DateTimeKind.Local => new DateTimeOffset(date.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(date, zone.Zone.GetUtcOffset(date)),
    };
}
