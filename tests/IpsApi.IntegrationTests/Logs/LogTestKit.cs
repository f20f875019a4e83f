using System.Globalization;
using System.Security;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Logs;

/// <summary>Request bodies of the log operations, written by hand in schema order, as many clients do.</summary>
internal static class LogBodies
{
    public static string GetJobLogs(
        string? company = null, string? userHandle = null, string? sortBy = null, string? sortDirection = null,
        DateTimeOffset? startDate = null, DateTimeOffset? endDate = null, int? numRows = null) =>
        $"<getJobLogsParam xmlns=\"{Envelopes.Ips}\">"
        + Element("companyHandle", company) + Element("userHandle", userHandle) + Element("sortBy", sortBy)
        + Element("sortDirection", sortDirection) + Element("startDate", Date(startDate)) + Element("endDate", Date(endDate))
        + Element("numRows", numRows?.ToString(CultureInfo.InvariantCulture))
        + "</getJobLogsParam>";

    public static string GetJobLogDetails(
        string? company, string? jobHandle = null, string? originalName = null, string[]? logTypes = null,
        int? recordsPerPage = null, int? resultsPage = null, string? sortBy = null, string? sortDirection = null,
        string ns = Envelopes.Ips) =>
        $"<getJobLogDetailsParam xmlns=\"{ns}\">"
        + Element("companyHandle", company) + Element("jobHandle", jobHandle) + Element("originalName", originalName)
        + (logTypes is null ? "" : "<logTypeArray>" + string.Concat(logTypes.Select(t => Element("items", t))) + "</logTypeArray>")
        + Element("recordsPerPage", recordsPerPage?.ToString(CultureInfo.InvariantCulture))
        + Element("resultsPage", resultsPage?.ToString(CultureInfo.InvariantCulture))
        + Element("sortBy", sortBy) + Element("sortDirection", sortDirection)
        + "</getJobLogDetailsParam>";

    public static string GetAssetJobLogs(string? company, string? assetHandle) =>
        $"<getAssetJobLogsParam xmlns=\"{Envelopes.Ips}\">"
        + Element("companyHandle", company) + Element("assetHandle", assetHandle)
        + "</getAssetJobLogsParam>";

    private static string Element(string name, string? value) =>
        value is null ? "" : $"<{name}>{SecurityElement.Escape(value)}</{name}>";

    private static string? Date(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Runs to read logs of, and the calls that read them.</summary>
internal sealed class LogTestKit(ServerFixture server)
{
    public const string PublishServerDirectory = "<serverDirectoryPublishJob><emailSetting>None</emailSetting></serverDirectoryPublishJob>";

    public static readonly XNamespace Ips = SoapResponse.Ips;

    /// <summary>Puts the files in the company's server folder, publishes it and waits for the run's end.</summary>
    public Task<RunRow> PublishAsync(TestTenant tenant, string jobName, params string[] files)
    {
        WriteFiles(tenant, files);
        return RunAsync(tenant, jobName, PublishServerDirectory);
    }

    /// <summary>New files in the company's server folder, for its next serverDirectoryPublish.</summary>
    public void WriteFiles(TestTenant tenant, params string[] files)
    {
        var folder = server.FoldersOf(tenant).Server;
        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(folder, file), $"content of {file}");
        }
    }

    /// <summary>A job type without executor: its run fails with a FatalError record.</summary>
    public Task<RunRow> FailAsync(TestTenant tenant, string jobName) => RunAsync(tenant, jobName, "<metadataPublishJob/>");

    public async Task<RunRow> RunAsync(TestTenant tenant, string jobName, string inner)
    {
        await server.SubmitAsync(tenant, jobName, inner);
        return await server.WaitForRunAsync(tenant, jobName, r => r.EndedAt is not null);
    }

    public static string HandleOf(TestTenant tenant, string jobName, RunRow run) =>
        $"{tenant.CompanyHandle}|{jobName}|{run.InstanceName}|{run.Id}";

    /// <summary>Another user in the tenant's company (or companies), who can log in and submit.</summary>
    public async Task<TestTenant> ColleagueAsync(TestTenant tenant, UserRole role = UserRole.IpsUser, string emailPrefix = "colleague")
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var email = $"{emailPrefix}-{id}@example.test";
        var user = await server.Services.GetRequiredService<AccountStore>()
            .AddUserAsync(new NewUser(email, $"pw-{id}", role, [tenant.CompanyHandle]))
            ?? throw new InvalidOperationException("colleague not added");
        return new TestTenant(tenant.CompanyHandle, email, $"pw-{id}", user.Handle);
    }

    /// <summary>Calls the server and returns the Return element after checking it is an answer valid against the WSDL.</summary>
    public async Task<XElement> OkAsync(TestTenant caller, string body, string extraAuth = "", Action<HttpRequestMessage>? configure = null)
    {
        var response = await server.PostAsync(Envelopes.Soap11(caller, body, extraAuth), configure: configure);
        Assert.True(response.Status == 200 && !response.IsFault, response.Text);
        WireSchema.AssertValid(response.BodyElement);
        return response.BodyElement;
    }

    public async Task<SoapResponse> FaultAsync(TestTenant caller, string body)
    {
        var response = await server.PostAsync(Envelopes.Soap11(caller, body));
        Assert.True(response.IsFault, response.Text);
        WireSchema.AssertValid(response.FaultDetail);
        return response;
    }

    public static IReadOnlyList<XElement> Items(XElement returnElement) =>
        returnElement.Element(returnElement.Name.Namespace + "jobLogArray")!.Elements(returnElement.Name.Namespace + "items").ToList();

    public static IReadOnlyList<XElement> Details(XElement jobLog) =>
        jobLog.Element(Ips + "detailArray")?.Elements(Ips + "items").ToList() ?? [];

    public static string Text(XElement element, string name) => (string?)element.Element(element.Name.Namespace + name)
        ?? throw new InvalidOperationException($"no {name} in {element}");

    public static int Int(XElement element, string name) => int.Parse(Text(element, name), CultureInfo.InvariantCulture);

    public static DateTimeOffset Date(XElement element, string name) =>
        DateTimeOffset.Parse(Text(element, name), CultureInfo.InvariantCulture);
}
