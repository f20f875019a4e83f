namespace IpsApi.Jobs.Accounts;

/// <summary>
/// What a company handle and name may be. A handle is opaque (IPS ones look like "47" or "c|748") and names no
/// file, so any printable text will do, except '/' (it names the company in delivery URLs) and ',' (the admin
/// command lists handles with commas). The name begins every folder path clients write ("Acme/products/"), so it
/// has no '/' either.
/// </summary>
public static class CompanyHandles
{
    public const int MaxLength = 255;

    public static bool IsValid(string handle) => Problem(handle) is null;

    public static string? Problem(string handle) =>
        handle.Length == 0 ? "it is empty"
        : handle.Length > MaxLength ? $"it is longer than {MaxLength} characters"
        : handle.Any(char.IsControl) ? "it holds control characters"
        : handle.Trim().Length != handle.Length ? "it begins or ends with a space"
        : handle.Contains('/', StringComparison.Ordinal) ? "it holds '/'"
        : handle.Contains(',', StringComparison.Ordinal) ? "it holds ','"
        : null;

    public static string? NameProblem(string name) =>
        name.Trim().Length == 0 ? "it is empty"
        : name.Length > MaxLength ? $"it is longer than {MaxLength} characters"
        : name.Any(char.IsControl) ? "it holds control characters"
        : name.Trim().Length != name.Length ? "it begins or ends with a space"
        : name.Contains('/', StringComparison.Ordinal) ? "it holds '/' (the name begins the company's folder paths)"
        : null;
}
