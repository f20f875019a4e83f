namespace IpsApi.Assets.Store;

/// <summary>Which assets a search looks at, by their place in the trash.</summary>
public enum TrashFilter
{
    NotInTrash,
    InTrash,
    Any,

    /// <summary>Emptied assets are gone: a search for them finds nothing.</summary>
    Emptied,
}

/// <summary>A field of an asset a condition can test: a column of the asset row, or a metadata field by its key.</summary>
public abstract record AssetField
{
    private AssetField()
    {
    }

    /// <summary>A text column: name, file name, the users, the type, the folder as clients see it.</summary>
    public sealed record Text(TextColumn Column) : AssetField;

    public sealed record Number(NumberColumn Column) : AssetField;

    public sealed record Date(DateColumn Column) : AssetField;

    /// <summary>A metadata field: its values are text.</summary>
    public sealed record Metadata(string Key) : AssetField;
}

public enum TextColumn
{
    Name,
    FileName,
    CreateUser,
    LastModifyUser,
    TypeName,

    /// <summary>The folder as clients see it: "&lt;company&gt;/&lt;path&gt;/".</summary>
    FolderPath,
}

public enum NumberColumn
{
    FileSize,
    AssetId,
}

public enum DateColumn
{
    Created,
    LastModified,
}

/// <summary>The comparison operators of the IPS API (string and numeric/date comparison operators, Between, NotBetween).</summary>
public enum ComparisonOp
{
    Equals,
    NotEquals,
    Contains,
    NotContains,
    StartsWith,
    EndsWith,
    LessThan,
    LessThanEquals,
    GreaterThan,
    GreaterThanEquals,
    Between,
    NotBetween,
}

/// <summary>A search condition: a test of one field, all or any of several conditions, or keywords.</summary>
public abstract record AssetCondition
{
    private AssetCondition()
    {
    }

    /// <summary>A text test (Equals, Contains, ...), case-insensitive unless asked otherwise.</summary>
    public sealed record TextTest(AssetField Field, ComparisonOp Op, string Value, bool CaseSensitive = false) : AssetCondition;

    /// <summary>A numeric test; <paramref name="Max"/> only for Between and NotBetween.</summary>
    public sealed record NumberTest(AssetField Field, ComparisonOp Op, decimal Value, decimal Max = 0) : AssetCondition;

    /// <summary>A date test; <paramref name="Max"/> only for Between and NotBetween.</summary>
    public sealed record DateTest(AssetField Field, ComparisonOp Op, DateTimeOffset Value, DateTimeOffset Max = default) : AssetCondition;

    /// <summary>Every word is found (case-insensitively) in the asset's name, file name or a metadata value.</summary>
    public sealed record Keywords(IReadOnlyList<string> Words) : AssetCondition;

    /// <summary>All of the conditions hold (<paramref name="MatchAny"/> false), or at least one.</summary>
    public sealed record Group(IReadOnlyList<AssetCondition> Conditions, bool MatchAny) : AssetCondition;
}

/// <summary>What assets of a company a read or search takes.</summary>
public sealed record AssetFilter
{
    /// <summary>The folder (a path from the company root, "" the root); null: every folder.</summary>
    public string? Folder { get; init; }

    public bool IncludeSubfolders { get; init; }

    public IReadOnlyCollection<long>? Ids { get; init; }

    /// <summary>Names, matched without regard to case (getAssetsByName).</summary>
    public IReadOnlyCollection<string>? Names { get; init; }

    /// <summary>Stored type names to keep; null: every type.</summary>
    public IReadOnlyCollection<string>? Types { get; init; }

    public IReadOnlyCollection<string>? ExcludeTypes { get; init; }

    /// <summary>Sub types to keep; assets without one stay unless <see cref="StrictSubTypes"/>.</summary>
    public IReadOnlyCollection<string>? SubTypes { get; init; }

    public bool StrictSubTypes { get; init; }

    /// <summary>Leaves out assets a job generated from another (pages ripped from a PDF).</summary>
    public bool ExcludeByproducts { get; init; }

    /// <summary>Leaves out generated assets of these engines and (if given) stored type names.</summary>
    public IReadOnlyList<(string Engine, string? TypeName)> ExcludeByproductRules { get; init; } = [];

    /// <summary>true: marked for publish; false: not marked; null: both.</summary>
    public bool? MarkedForPublish { get; init; }

    public TrashFilter Trash { get; init; } = TrashFilter.NotInTrash;

    public AssetCondition? Condition { get; init; }
}

public enum AssetSort
{
    Name,
    Created,
    Modified,
    AssetType,
    FileSize,
}

/// <summary>A page of a search: the sort, then page <see cref="Page"/> (from 1) of <see cref="PageSize"/> assets.</summary>
public sealed record AssetPage(AssetSort Sort, bool Descending, int PageSize, int Page);
