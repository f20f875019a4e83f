using IpsApi.Server.Soap;

namespace IpsApi.Server.Operations;

/// <summary>
/// Reading an operation's parameters the same way in every handler: every missing one named in one 30002,
/// every invalid one in one 30001, enumerated options by their exact documented names.
/// </summary>
public static class RequestParameters
{
    /// <summary>Fault 30002 naming each required parameter that is absent or blank.</summary>
    public static void Require(params (string Name, string? Value)[] parameters)
    {
        var missing = parameters.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"Missing required parameter: {p.Name}").ToList();
        if (missing.Count > 0)
        {
            throw IpsFaultException.MissingParameter(string.Join("; ", missing));
        }
    }

    /// <summary>An enumerated option by its exact name; absent: the default.</summary>
    public static T Option<T>(string? value, string name, T fallback, List<string> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        // By name only: Enum.TryParse would also take "3".
        if (Array.IndexOf(Enum.GetNames<T>(), value.Trim()) is var index and >= 0)
        {
            return Enum.GetValues<T>()[index];
        }

        problems.Add($"Invalid parameter {name}: '{value}' (one of {string.Join(", ", Enum.GetNames<T>())})");
        return fallback;
    }

    /// <summary>sortDirection: <c>Ascending</c> or <c>Descending</c>; true for descending.</summary>
    public static bool Descending(string? value, bool byDefault, List<string> problems)
    {
        switch (value?.Trim())
        {
            case null or "":
                return byDefault;
            case "Ascending":
                return false;
            case "Descending":
                return true;
            default:
                problems.Add($"Invalid parameter sortDirection: '{value}' (Ascending or Descending)");
                return byDefault;
        }
    }

    /// <summary>Fault 30001 with every problem found, when there is one.</summary>
    public static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw IpsFaultException.InvalidParameter(string.Join("; ", problems));
        }
    }

    public static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
