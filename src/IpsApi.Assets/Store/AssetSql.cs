using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Assets.Store;

/// <summary>
/// The WHERE and ORDER BY of a read of the assets table (alias <c>a</c>) from an <see cref="AssetFilter"/>: every
/// value a parameter of the command, never text in the SQL. Text tests compare without regard to case unless asked
/// otherwise, the way image serving looks names up.
/// </summary>
internal sealed class AssetSql(NpgsqlCommand command, string companyRoot)
{
    private int _next;

    /// <summary>A new parameter holding the value; returns its placeholder.</summary>
    public string Param(object value, NpgsqlDbType? type = null)
    {
        var name = "p" + _next++.ToString(CultureInfo.InvariantCulture);
        command.Parameters.Add(type is { } t ? new NpgsqlParameter(name, t) { Value = value } : new NpgsqlParameter(name, value));
        return "@" + name;
    }

    public string Where(long companyId, AssetFilter filter)
    {
        var parts = new List<string> { $"a.company_id = {Param(companyId)}" };
        parts.Add(filter.Trash switch
        {
            TrashFilter.NotInTrash => "a.trash_state = 'NotInTrash'",
            TrashFilter.InTrash => "a.trash_state = 'InTrash'",
            TrashFilter.Any => "a.trash_state <> 'InEmptiedTrash'",
            _ => "false",
        });

        if (filter.Folder is { } folder)
        {
            if (!filter.IncludeSubfolders)
            {
                parts.Add($"a.folder = {Param(folder)}");
            }
            else if (folder.Length > 0)
            {
                parts.Add($"(a.folder = {Param(folder)} or a.folder like {Param(LikeEscape(folder) + "/%")})");
            }
        }

        if (filter.Ids is { } ids)
        {
            parts.Add($"a.id = any({Param(ids.ToArray())})");
        }

        if (filter.Names is { } names)
        {
            // Lower-cased by PostgreSQL on both sides, so the comparison is the same whatever the database's locale.
            parts.Add($"lower(a.name) = any(array(select lower(n) from unnest({Param(names.ToArray())}::text[]) n))");
        }

        if (filter.Types is { } types)
        {
            parts.Add($"a.type_name = any({Param(types.ToArray())})");
        }

        if (filter.ExcludeTypes is { Count: > 0 } excluded)
        {
            parts.Add($"a.type_name <> all({Param(excluded.ToArray())})");
        }

        if (filter.SubTypes is { Count: > 0 } subTypes)
        {
            var subType = "(case when a.kind = 'SwatchSet' then 'SwatchSet' end)";
            parts.Add(filter.StrictSubTypes
                ? $"{subType} = any({Param(subTypes.ToArray())})"
                : $"({subType} is null or {subType} = any({Param(subTypes.ToArray())}))");
        }

        if (filter.ExcludeByproducts)
        {
            parts.Add("a.generated_from is null");
        }

        foreach (var (engine, typeName) in filter.ExcludeByproductRules)
        {
            parts.Add(typeName is null
                ? $"coalesce(a.generation_engine, '') <> {Param(engine)}"
                : $"not (coalesce(a.generation_engine, '') = {Param(engine)} and a.type_name = {Param(typeName)})");
        }

        if (filter.MarkedForPublish is { } marked)
        {
            parts.Add($"a.ready_for_publish = {Param(marked)}");
        }

        if (filter.Condition is { } condition)
        {
            parts.Add(Of(condition));
        }

        return string.Join("\n  and ", parts);
    }

    public static string OrderBy(AssetSort sort, bool descending)
    {
        var direction = descending ? " desc" : "";
        var column = sort switch
        {
            AssetSort.Created => "a.created_at",
            AssetSort.Modified => "a.last_modified",
            AssetSort.AssetType => "a.type_name",
            AssetSort.FileSize => "a.size_bytes",
            _ => "a.name",
        };
        return $"{column}{direction}, a.id{direction}";
    }

    private string Of(AssetCondition condition) => condition switch
    {
        AssetCondition.Group group when group.Conditions.Count == 0 => "true",
        AssetCondition.Group group => "(" + string.Join(group.MatchAny ? " or " : " and ", group.Conditions.Select(Of)) + ")",
        AssetCondition.Keywords keywords => "(" + string.Join(" and ", keywords.Words.Select(Keyword)) + ")",
        AssetCondition.TextTest text => Text(text),
        AssetCondition.NumberTest number => Number(number),
        AssetCondition.DateTest date => Date(date),
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    private string Keyword(string word)
    {
        var value = Param(word);
        return $"""
                (strpos(lower(a.name), lower({value})) > 0 or strpos(lower(a.file_name), lower({value})) > 0
                 or exists (select 1 from asset_metadata m where m.asset_id = a.id and strpos(lower(m.value), lower({value})) > 0))
                """;
    }

    private string Text(AssetCondition.TextTest test)
    {
        var (positive, negate) = Positive(test.Op);
        if (test.Field is AssetField.Metadata metadata)
        {
            var exists = $"exists (select 1 from asset_metadata m where m.asset_id = a.id and m.key = {Param(metadata.Key)}{IndexedStart(positive, test)} and {TextMatch("m.value", positive, test)})";
            return negate ? $"not {exists}" : exists;
        }

        var column = test.Field is AssetField.Text { Column: var c } ? TextColumnSql(c) : throw new ArgumentException("not a text field", nameof(test));
        var match = TextMatch(column, positive, test);
        return negate ? $"not {match}" : match;
    }

    /// <summary>
    /// The same test on the indexed start of a metadata value (asset_metadata_value: the first 128 characters,
    /// lower-cased), so that a search by value is an index range; the full test follows it.
    /// </summary>
    private string IndexedStart(ComparisonOp op, AssetCondition.TextTest test) => (op, test.CaseSensitive) switch
    {
        (ComparisonOp.Equals, false) => $" and left(lower(m.value), {MetadataIndexed}) = left(lower({Param(test.Value)}), {MetadataIndexed})",
        (ComparisonOp.StartsWith, false) when test.Value.Length < MetadataIndexed =>
            $" and left(lower(m.value), {MetadataIndexed}) like lower({Param(LikeEscape(test.Value) + "%")})",
        _ => "",
    };

    private const int MetadataIndexed = 128;

    private string TextMatch(string expression, ComparisonOp op, AssetCondition.TextTest test)
    {
        string Fold(string sql) => test.CaseSensitive ? sql : $"lower({sql})";
        return op switch
        {
            ComparisonOp.Equals => $"({Fold(expression)} = {Fold(Param(test.Value))})",
            ComparisonOp.Contains => $"(strpos({Fold(expression)}, {Fold(Param(test.Value))}) > 0)",
            ComparisonOp.StartsWith => $"({Fold(expression)} like {Fold(Param(LikeEscape(test.Value) + "%"))})",
            ComparisonOp.EndsWith => $"({Fold(expression)} like {Fold(Param("%" + LikeEscape(test.Value)))})",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a text comparison"),
        };
    }

    private string Number(AssetCondition.NumberTest test)
    {
        if (test.Field is AssetField.Metadata metadata)
        {
            // Metadata values are text: only those that read as a number take part in a numeric comparison.
            var (positive, negate) = Positive(test.Op);
            var exists = $"""
                          exists (select 1 from asset_metadata m where m.asset_id = a.id and m.key = {Param(metadata.Key)}
                                  and {Compare(NumericValue, positive, test.Value, test.Max, NpgsqlDbType.Numeric)})
                          """;
            return negate ? $"not {exists}" : exists;
        }

        var column = test.Field is AssetField.Number { Column: var c }
            ? c switch { NumberColumn.AssetId => "a.id", _ => "a.size_bytes" }
            : throw new ArgumentException("not a numeric field", nameof(test));
        return Compare(column, test.Op, test.Value, test.Max, NpgsqlDbType.Numeric);
    }

    // CASE, so that no value that is not a number reaches the cast (a WHERE gives no order of evaluation).
    private const string NumericValue = @"(case when m.value ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$' then trim(m.value)::numeric end)";

    private string Date(AssetCondition.DateTest test)
    {
        var column = test.Field is AssetField.Date { Column: var c }
            ? c switch { DateColumn.Created => "a.created_at", _ => "a.last_modified" }
            : throw new ArgumentException("not a date field", nameof(test));
        return Compare(column, test.Op, test.Value.ToUniversalTime(), test.Max.ToUniversalTime(), NpgsqlDbType.TimestampTz);
    }

    private string Compare(string expression, ComparisonOp op, object value, object max, NpgsqlDbType type) => op switch
    {
        ComparisonOp.Equals => $"{expression} = {Param(value, type)}",
        ComparisonOp.NotEquals => $"{expression} <> {Param(value, type)}",
        ComparisonOp.LessThan => $"{expression} < {Param(value, type)}",
        ComparisonOp.LessThanEquals => $"{expression} <= {Param(value, type)}",
        ComparisonOp.GreaterThan => $"{expression} > {Param(value, type)}",
        ComparisonOp.GreaterThanEquals => $"{expression} >= {Param(value, type)}",
        ComparisonOp.Between => $"{expression} between {Param(value, type)} and {Param(max, type)}",
        ComparisonOp.NotBetween => $"{expression} not between {Param(value, type)} and {Param(max, type)}",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a numeric or date comparison"),
    };

    /// <summary>The test without its negation: NotEquals is not Equals, and so on.</summary>
    private static (ComparisonOp Op, bool Negate) Positive(ComparisonOp op) => op switch
    {
        ComparisonOp.NotEquals => (ComparisonOp.Equals, true),
        ComparisonOp.NotContains => (ComparisonOp.Contains, true),
        ComparisonOp.NotBetween => (ComparisonOp.Between, true),
        _ => (op, false),
    };

    private string TextColumnSql(TextColumn column) => column switch
    {
        TextColumn.Name => "a.name",
        TextColumn.FileName => "a.file_name",
        TextColumn.CreateUser => "coalesce(a.created_by, '')",
        TextColumn.LastModifyUser => "coalesce(a.last_modified_by, '')",
        TextColumn.TypeName => "a.type_name",
        _ => $"({Param(companyRoot)} || case when a.folder = '' then '' else a.folder || '/' end)",
    };

    /// <summary>Text as the start of a LIKE pattern: its own '%', '_' and '\' match themselves.</summary>
    public static string LikeEscape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
