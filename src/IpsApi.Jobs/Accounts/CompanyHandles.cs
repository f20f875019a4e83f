using System.Text.RegularExpressions;

namespace IpsApi.Jobs.Accounts;

/// <summary>
/// Company handles name a folder under the storage root, so they are kept to safe file names
/// (the IPS ones are numbers such as "47").
/// </summary>
public static partial class CompanyHandles
{
    public static bool IsValid(string handle) => SafeName().IsMatch(handle);

    [GeneratedRegex(@"^(?!\.)[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeName();
}
