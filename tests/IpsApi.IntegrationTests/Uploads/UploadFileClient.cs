using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Uploads;

/// <summary>A file part of a POST: its form field name, the filename it is sent with (none: null), its bytes.</summary>
public sealed record UploadPart(string Name, string? FileName, byte[] Bytes);

/// <summary>The answer of the UploadFile endpoint as a client reads it: status and the one XML element.</summary>
public sealed record UploadAnswer(int Status, string Text)
{
    public XElement Root => XDocument.Parse(Text).Root!;

    public bool IsFault => Root.Name.LocalName.EndsWith("Fault", StringComparison.Ordinal);

    /// <summary>authenticationFault, authorizationFault or ipsApiFault.</summary>
    public string FaultElement => Assert.IsType<string>(IsFault ? Root.Name.LocalName : null);

    public int FaultCode => (int)Root.Elements().Single(e => e.Name.LocalName == "code");

    public string FaultReason => (string)Root.Elements().Single(e => e.Name.LocalName == "reason");

    public string JobHandle
    {
        get
        {
            Assert.True(Status == 200 && Root.Name.LocalName == "uploadPostReturn", Text);
            return (string)Root.Elements().Single(e => e.Name.LocalName == "jobHandle");
        }
    }
}

/// <summary>
/// Clients of the UploadFile endpoint as integrations write them: the two XML documents by hand, the POST as .NET's
/// HttpClient with MultipartFormDataContent sends it, or as curl -F does.
/// </summary>
public static class UploadFileClient
{
    /// <summary>The namespace of the IPS reference's own example.</summary>
    public const string Dated = "http://www.scene7.com/IpsApi/xsd/2014-04-03";

    public const string Options =
        "<overwrite>true</overwrite><readyForPublish>true</readyForPublish><createMask>false</createMask><emailSetting>None</emailSetting>";

    public static string AuthDocument(TestTenant tenant, string extra = "", string ns = Dated) =>
        $"<authHeader xmlns=\"{ns}\"><user>{SecurityElement.Escape(tenant.Email)}</user><password>{SecurityElement.Escape(tenant.Password)}</password>"
        + $"<appName>UploadTests</appName><appVersion>1.0</appVersion>{extra}</authHeader>";

    /// <summary>The uploadParams of a first POST (jobName); <paramref name="before"/> goes between jobName and uploadParams.</summary>
    public static string Open(string companyHandle, string jobName, string before = "", string options = Options, string ns = Dated) =>
        $"<uploadPostParam xmlns=\"{ns}\"><companyHandle>{SecurityElement.Escape(companyHandle)}</companyHandle>"
        + $"<jobName>{SecurityElement.Escape(jobName)}</jobName>{before}<uploadParams>{options}</uploadParams></uploadPostParam>";

    /// <summary>The uploadParams of a later POST (jobHandle); <paramref name="after"/> follows jobHandle (destFolder, endJob...).</summary>
    public static string Add(string companyHandle, string jobHandle, string after = "", string ns = Dated) =>
        $"<uploadPostParam xmlns=\"{ns}\"><companyHandle>{SecurityElement.Escape(companyHandle)}</companyHandle>"
        + $"<jobHandle>{SecurityElement.Escape(jobHandle)}</jobHandle>{after}</uploadPostParam>";

    public static UploadPart FilePart(string fileName, byte[] bytes) => new("file", fileName, bytes);

    /// <summary>POSTs with HttpClient and MultipartFormDataContent: auth, then uploadParams, then the files.</summary>
    public static async Task<UploadAnswer> PostAsync(Uri baseAddress, string? auth, string? uploadParams, params UploadPart[] files)
    {
        using var content = new MultipartFormDataContent();
        if (auth is not null)
        {
            content.Add(new StringContent(auth, Encoding.UTF8, "text/xml"), "auth");
        }

        if (uploadParams is not null)
        {
            content.Add(new StringContent(uploadParams, Encoding.UTF8, "text/xml"), "uploadParams");
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            if (file.FileName is null)
            {
                content.Add(part, file.Name);
            }
            else
            {
                content.Add(part, file.Name, file.FileName);
            }
        }

        return await SendAsync(baseAddress, content);
    }

    /// <summary>POSTs any body with any content type (malformed multipart, or none at all).</summary>
    public static async Task<UploadAnswer> SendAsync(Uri baseAddress, HttpContent content, Action<HttpRequestMessage>? configure = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/scene7/UploadFile")) { Content = content };
        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        return new UploadAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// POSTs with the curl command line, as a shell script would: <c>-F auth=&lt;file</c>, <c>-F uploadParams=&lt;file</c>
    /// and <c>-F file=@path</c> for each file.
    /// </summary>
    public static async Task<UploadAnswer> CurlAsync(Uri baseAddress, string auth, string uploadParams, params string[] filePaths)
    {
        var folder = Directory.CreateTempSubdirectory("ipsapi-curl-").FullName;
        try
        {
            var authFile = Path.Combine(folder, "auth.xml");
            var paramsFile = Path.Combine(folder, "params.xml");
            await File.WriteAllTextAsync(authFile, auth);
            await File.WriteAllTextAsync(paramsFile, uploadParams);
            var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--silent", "--show-error", "--write-out", "\n%{http_code}", "-F", $"auth=<{authFile}", "-F", $"uploadParams=<{paramsFile}" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var path in filePaths)
            {
                start.ArgumentList.Add("-F");
                start.ArgumentList.Add($"file=@{path}");
            }

            start.ArgumentList.Add(new Uri(baseAddress, "/scene7/UploadFile").ToString());
            using var curl = Process.Start(start)!;
            var output = await curl.StandardOutput.ReadToEndAsync();
            var errors = await curl.StandardError.ReadToEndAsync();
            await curl.WaitForExitAsync();
            Assert.True(curl.ExitCode == 0, $"curl failed ({curl.ExitCode}): {errors}");
            var lastLine = output.LastIndexOf('\n');
            return new UploadAnswer(int.Parse(output[(lastLine + 1)..], System.Globalization.CultureInfo.InvariantCulture), output[..lastLine]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every file under the storage root's upload folders now: a refused POST must leave none behind.</summary>
    public static IReadOnlySet<string> UploadLeftovers(string storageRoot)
    {
        var root = Path.Combine(storageRoot, ".uploads");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
    }
}
