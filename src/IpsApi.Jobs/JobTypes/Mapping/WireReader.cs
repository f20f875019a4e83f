using System.Globalization;
using IpsApi.Assets.Store;
using IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.Mapping;

/// <summary>
/// Reads wire values into domain values and collects every problem on the way. A read that finds a problem
/// records it and returns a stand-in value so reading can go on; the caller throws the result away when
/// <see cref="HasProblems"/> is true.
/// </summary>
/// <param name="companyHandle">The company the request acts in: asset handles must be of this company.</param>
public sealed partial class WireReader(string? companyHandle = null)
{
    private readonly List<ValidationProblem> _problems = [];

    /// <summary>The assets, macros and set rules the request names, for the checks that need the database.</summary>
    public JobReferences References { get; } = new();

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public static string PathOf(string parent, string child) => $"{parent}/{child}";

    public void Add(ValidationProblem problem) => _problems.Add(problem);

    public void Missing(string path) => Add(ValidationProblem.Missing(path));

    public void Invalid(string path, string reason) => Add(ValidationProblem.Invalid(path, reason));

    /// <summary>A required string: absent, empty or only blanks is missing. The value is kept as given.</summary>
    public string RequiredString(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Missing(path);
            return string.Empty;
        }

        return value;
    }

    public bool RequiredBool(bool? value, string path)
    {
        if (value is null)
        {
            Missing(path);
        }

        return value ?? false;
    }

    public int RequiredInt(int? value, string path)
    {
        if (value is null)
        {
            Missing(path);
        }

        return value ?? 0;
    }

    public double RequiredDouble(double? value, string path)
    {
        if (value is null)
        {
            Missing(path);
        }

        return value ?? 0;
    }

    /// <summary>A required enumerated string, matched case-sensitively against the member names.</summary>
    public TEnum RequiredEnum<TEnum>(string? value, string path)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Missing(path);
            return default;
        }

        return ParseEnum<TEnum>(value, path) ?? default;
    }

    /// <summary>An optional enumerated string: absent is null; present must be one of the names.</summary>
    public TEnum? OptionalEnum<TEnum>(string? value, string path)
        where TEnum : struct, Enum
    {
        return value is null ? null : ParseEnum<TEnum>(value, path);
    }

    private TEnum? ParseEnum<TEnum>(string value, string path)
        where TEnum : struct, Enum
    {
        // Enum.TryParse would also take numbers ("1") and other casings ("full"); the contract is exact names.
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, value, StringComparison.Ordinal))
            {
                return Enum.Parse<TEnum>(name);
            }
        }

        Invalid(path, $"{ValidationProblem.Quote(value)} (allowed: {string.Join(", ", Enum.GetNames<TEnum>())})");
        return null;
    }

    /// <summary>Checks a number against a closed range; NaN and infinities are never in range.</summary>
    public void InRange(double? value, string path, double min, double max)
    {
        if (value is { } v && !(v >= min && v <= max))
        {
            Invalid(path, string.Create(CultureInfo.InvariantCulture, $"{v} (must be from {min} to {max})"));
        }
    }

    public void AtLeast(double? value, string path, double min)
    {
        if (value is { } v && !(v >= min && double.IsFinite(v)))
        {
            Invalid(path, string.Create(CultureInfo.InvariantCulture, $"{v} (must be {min} or more)"));
        }
    }

    public void Positive(double? value, string path)
    {
        if (value is { } v && !(v > 0 && double.IsFinite(v)))
        {
            Invalid(path, string.Create(CultureInfo.InvariantCulture, $"{v} (must be more than 0)"));
        }
    }

    /// <summary>A required handle list: absent is missing, empty is invalid (a job over nothing).</summary>
    public IReadOnlyList<string> RequiredHandles(HandleArray? array, string path)
    {
        if (array is null)
        {
            Missing(path);
            return [];
        }

        if (array.Items.Count == 0)
        {
            Invalid(path, "at least one handle is required");
        }

        return Handles(array, path);
    }

    /// <summary>An optional handle list: absent stays null, present (even empty) is kept.</summary>
    public IReadOnlyList<string>? OptionalHandles(HandleArray? array, string path)
    {
        return array is null ? null : Handles(array, path);
    }

    /// <summary>
    /// A required list of asset handles: each must be an asset handle (<c>a|company|id</c>) of the company the
    /// request acts in. The well-formed ones are kept in <see cref="References"/> for the existence check.
    /// </summary>
    public IReadOnlyList<string> RequiredAssetHandles(HandleArray? array, string path)
    {
        var handles = RequiredHandles(array, path);
        for (var i = 0; i < handles.Count; i++)
        {
            var handle = handles[i];
            var itemPath = $"{path}/items[{i}]";
            if (string.IsNullOrWhiteSpace(handle))
            {
                continue; // already reported as empty
            }

            if (!AssetHandles.TryParse(handle, out var owner, out var id))
            {
                Invalid(itemPath, $"{ValidationProblem.Quote(handle)} is not an asset handle");
            }
            else if (!string.Equals(owner, companyHandle, StringComparison.Ordinal))
            {
                Invalid(itemPath, $"{ValidationProblem.Quote(handle)} is an asset handle of another company");
            }
            else
            {
                References.AddAsset(new AssetReference(itemPath, handle, id));
            }
        }

        return handles;
    }

    private string[] Handles(HandleArray array, string path)
    {
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(array.Items[i]))
            {
                Invalid($"{path}/items[{i}]", "a handle cannot be empty");
            }
        }

        return [.. array.Items];
    }

    /// <summary>
    /// A folder or file path in the company's tree, as clients write it (with or without the company's root path,
    /// a leading or a trailing '/'). Anything that could leave the tree is refused here; the executor reads the
    /// path with the same rules (<see cref="FolderPaths"/>) and the storage layer refuses escapes on its own.
    /// </summary>
    public void FolderPath(string? value, string path)
    {
        if (value is not null && FolderPaths.Problem(value) is { } reason)
        {
            Invalid(path, $"{ValidationProblem.Quote(value)} ({reason})");
        }
    }

    /// <summary>
    /// An absolute http or https URL. Only the form is checked here; whether the address may be fetched is
    /// for the executor to decide when it fetches.
    /// </summary>
    public void HttpUrl(string? value, string path)
    {
        if (value is null)
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            Invalid(path, $"{ValidationProblem.Quote(value)} (must be an absolute http or https URL)");
        }
    }

    /// <summary>An optional callback URL: absent or empty means no callback; otherwise as <see cref="HttpUrl"/>.</summary>
    public void OptionalCallbackUrl(string? value, string path)
    {
        if (!string.IsNullOrEmpty(value))
        {
            HttpUrl(value, path);
        }
    }
}
