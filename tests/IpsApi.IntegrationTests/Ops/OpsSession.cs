using System.Net;
using System.Text.RegularExpressions;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>A browser-like HTTP session on /ops: cookies kept, redirects visible, the form token read from the page.</summary>
public sealed partial class OpsSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();

    public OpsSession(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    /// <summary>The cookies the browser would send to /ops now, as a Cookie header (what an attacker who copied them replays).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(new Uri(_http.BaseAddress!, "/ops/"));

    /// <summary>A GET with nothing but the given Cookie header, to any node: its status and body.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> ReplayAsync(Uri address, string path, string cookieHeader)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, path));
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public string Token { get; private set; } = "";

    /// <summary>Signs in through the login form; returns where the server sent the browser next.</summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        await GetAsync("/ops/login");
        using var response = await PostFormAsync("/ops/login", new() { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    /// <summary>GETs a page (a path, or an absolute URL of another node) and keeps its form token for the next POST.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? Location)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(Target(path));
        var body = await response.Content.ReadAsStringAsync();
        if (TokenField().Match(body) is { Success: true } match)
        {
            Token = WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        return (response.StatusCode, body, response.Headers.Location?.ToString());
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, bool withToken = true)
    {
        if (withToken)
        {
            fields["__csrf"] = Token;
        }

        return await _http.PostAsync(Target(path), new FormUrlEncodedContent(fields));
    }

    public void Dispose() => _http.Dispose();

    // Not UriKind.RelativeOrAbsolute: on Unix "/ops" would be read as the file path file:///ops.
    private static Uri Target(string path) =>
        path.StartsWith("http", StringComparison.Ordinal) ? new Uri(path, UriKind.Absolute) : new Uri(path, UriKind.Relative);

    [GeneratedRegex("""name="__csrf" value="([^"]+)""")]
    private static partial Regex TokenField();
}
