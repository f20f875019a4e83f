using System.Text.RegularExpressions;

namespace IpsApi.Server.Ops.Dashboard;

/// <summary>
/// Callback addresses as the dashboard shows them: a callback URL often carries its credential (a token in the
/// query, user and password before the host), and the outbox table is read by people who are not its owner.
/// Shown are the scheme, host, port and path; a query becomes "?...", user info and fragment are left out.
/// </summary>
public static partial class SecretFreeText
{
    public static string Address(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) + (uri.Query.Length > 1 ? "?..." : "")
            : url;

    /// <summary>The text with every http(s) URL in it shown as <see cref="Address"/> does.</summary>
    public static string Of(string text) => Urls().Replace(text, match => Address(match.Value));

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex Urls();
}
