using System.Diagnostics;
using System.Xml.Linq;
using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Publishing;
using Npgsql;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// The backup docs/OPERATIONS.md gives, done as an operator does it: pg_dump of the database, then a copy of the storage root;
/// restored into a new database and a new folder, a node started on them shows the jobs, logs, assets and published
/// catalog as they were.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BackupRestoreTests(ServerFixture server)
{
    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_and_storage_root_serves_what_was_there()
    {
        var tenant = await server.NewTenantAsync();
        var image = TestMedia.SolidImage(64, 48, ".png", red: 200, green: 40, blue: 10);
        await AssetWorkSteps.UploadAsync(server, tenant, [("catalog/backup-me.png", image)], readyForPublish: true);
        await PublishSteps.PublishImagesAsync(server, tenant, "Full");
        var before = await PublishSteps.GetAsync(server, $"/is/image/{tenant.CompanyHandle}/backup-me?fmt=png");
        Assert.Equal(System.Net.HttpStatusCode.OK, before.StatusCode);
        var logsBefore = await JobNamesAsync(server.ServiceAddress, tenant);

        // 1. The database first, 2. then the storage root (docs/OPERATIONS.md, "Backup and restore", says why).
        var work = Directory.CreateTempSubdirectory("ipsapi-backup-").FullName;
        var dump = Path.Combine(work, "ipsapi.dump");
        var source = new NpgsqlConnectionStringBuilder(ServerFixture.ConnectionString);
        await RunAsync(Tool("pg_dump"), "-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", source.Username!, "-Fc", "-f", dump, source.Database!);
        var storage = Path.Combine(work, "storage");
        await RunAsync("cp", "-a", server.StorageRoot + "/.", storage + "/");

        await using var restored = await TestDatabase.CreateEmptyAsync("restore");
        var target = new NpgsqlConnectionStringBuilder(restored.ConnectionString);
        await RunAsync(Tool("pg_restore"), "-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", target.Username!, "-d", target.Database!, "--no-owner", "--exit-on-error", dump);
        await using var node = await ServerProcess.StartAsync(restored.ConnectionString, "restored-node", storage);

        Assert.Equal(logsBefore, await JobNamesAsync(node.ServiceAddress, tenant));
        var folders = await node.CallAsync(tenant, "getFolders", Text("companyHandle", tenant.CompanyHandle));
        Assert.Contains($"{tenant.CompanyName}/catalog/", folders.Descendants(Ips + "path").Select(p => (string)p));
        using var http = new HttpClient();
        var after = await http.GetAsync(new Uri(node.BaseAddress, $"/is/image/{tenant.CompanyHandle}/backup-me?fmt=png"));
        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(await before.Content.ReadAsByteArrayAsync(), await after.Content.ReadAsByteArrayAsync());
        Directory.Delete(work, recursive: true);
    }

    private static async Task<List<string>> JobNamesAsync(Uri service, TestTenant tenant)
    {
        using var http = new HttpClient();
        var envelope = Envelopes.Soap11(tenant,
            $"<getJobLogsParam xmlns=\"{Ips.NamespaceName}\">{Text("companyHandle", tenant.CompanyHandle)}<sortBy>JobName</sortBy><sortDirection>Ascending</sortDirection></getJobLogsParam>");
        using var response = await http.PostAsync(service, new StringContent(envelope, System.Text.Encoding.UTF8, "text/xml"));
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.Descendants(Ips + "items").Select(i => $"{(string?)i.Element(Ips + "jobName")} {(string?)i.Element(Ips + "logType")} {(int?)i.Element(Ips + "fileSuccessCount")}")];
    }

    private static string Tool(string name) =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, "bin", name))
            .First(File.Exists);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {await errors}");
    }
}
