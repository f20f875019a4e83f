using IpsApi.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.Logs.LogTestKit;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Store;
using IpsApi.Jobs.JobLog;

namespace IpsApi.IntegrationTests.Logs;

/// <summary>getAssetJobLogs: what the company's runs wrote about one asset, across jobs.</summary>
[Collection(ServerCollection.Name)]
public sealed class GetAssetJobLogsTests(ServerFixture server)
{
    private readonly LogTestKit _kit = new(server);

    [Fact]
    public async Task GetAssetJobLogs_lists_the_records_naming_the_asset_newest_first_with_their_aux_in_the_callers_language()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        var asset = $"a|{Guid.NewGuid():N}";
        var upload = await _kit.PublishAsync(tenant, "upload", "a.jpg");
        var reprocess = await _kit.FailAsync(tenant, "reprocess");
        var foreign = await _kit.FailAsync(other, "foreign");
        var noted = DateTimeOffset.UtcNow;
        await WriteAsync(upload, "UploadSuccess", LogText.Of(LogKeys.Published), asset,
            new JobLogAux("UploadWarning", LogText.Of(LogKeys.NotPublished, LogText.Of(LogKeys.ReasonPathTooLong)), noted),
            new JobLogAux("FileProgress", "50%"));
        await WriteAsync(reprocess, "ReoptimizeFailure", LogText.Of(LogKeys.JobFailed, "IOException", "0123456789ab"), asset);
        await WriteAsync(foreign, "UploadSuccess", LogText.Of(LogKeys.Published), asset);
        await WriteAsync(upload, "UploadSuccess", LogText.Of(LogKeys.Published), "a|unrelated");

        var logs = Items(await _kit.OkAsync(tenant, LogBodies.GetAssetJobLogs(tenant.CompanyHandle, asset), extraAuth: "<locale>de-DE</locale>"));

        Assert.Equal([HandleOf(tenant, "reprocess", reprocess), HandleOf(tenant, "upload", upload)], logs.Select(l => Text(l, "jobHandle")));
        var failure = logs[0];
        Assert.Equal("reprocess", Text(failure, "jobName"));
        Assert.Equal("ReoptimizeFailure", Text(failure, "logType"));
        Assert.Equal("Der Job ist fehlgeschlagen: IOException (Fehler-ID 0123456789ab; Einzelheiten stehen im Serverprotokoll).", Text(failure, "logMessage"));
        Assert.Equal(tenant.Email, Text(failure, "submitUserEmail"));
        Assert.Null(failure.Element(Ips + "auxArray"));
        var success = logs[1];
        Assert.Equal("Veröffentlicht", Text(success, "logMessage"));
        Assert.True(Date(success, "logDate") <= Date(failure, "logDate"));
        var aux = success.Element(Ips + "auxArray")!.Elements(Ips + "items").ToList();
        Assert.Equal(["Nicht veröffentlicht: Pfad zu lang", "50%"], aux.Select(a => Text(a, "logMessage")));
        Assert.Equal(["UploadWarning", "FileProgress"], aux.Select(a => Text(a, "logType")));
        Assert.Equal(noted.ToUnixTimeMilliseconds(), Date(aux[0], "dateCreated").ToUnixTimeMilliseconds());
        Assert.Null(aux[1].Element(Ips + "dateCreated"));
    }

    [Fact]
    public async Task The_aux_of_a_record_also_shows_in_getJobLogDetails()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "with aux", "a.jpg");
        await WriteAsync(run, "UploadWarning", "free text", "a|1", new JobLogAux("FileProgress", LogText.Of(LogKeys.RemovedFromPublish)));

        var log = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(
            tenant.CompanyHandle, HandleOf(tenant, "with aux", run), logTypes: ["UploadWarning"]), extraAuth: "<locale>fr-FR</locale>")).Single();

        var detail = Details(log).Single();
        Assert.Equal(("free text", "a|1"), (Text(detail, "logMessage"), Text(detail, "assetHandle")));
        var aux = detail.Element(Ips + "auxArray")!.Elements(Ips + "items").Single();
        Assert.Equal("Supprimé\u00A0: ne figure plus dans le répertoire du serveur", Text(aux, "logMessage"));
    }

    [Fact]
    public async Task GetAssetJobLogs_of_an_asset_no_run_named_is_empty()
    {
        var tenant = await server.NewTenantAsync();

        var logs = Items(await _kit.OkAsync(tenant, LogBodies.GetAssetJobLogs(tenant.CompanyHandle, "a|never")));

        Assert.Empty(logs);
    }

    [Fact]
    public async Task GetAssetJobLogs_is_refused_without_assetHandle_and_outside_the_callers_companies()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        var missing = await _kit.FaultAsync(tenant, LogBodies.GetAssetJobLogs(tenant.CompanyHandle, null));
        var foreign = await _kit.FaultAsync(tenant, LogBodies.GetAssetJobLogs(other.CompanyHandle, "a|1"));
        var unknown = await _kit.FaultAsync(tenant, LogBodies.GetAssetJobLogs("no-such-company", "a|1"));

        Assert.Equal((30002, "Missing required parameter: assetHandle"), (missing.FaultCode, missing.FaultReason));
        Assert.Equal(20006, foreign.FaultCode);
        Assert.Equal(20006, unknown.FaultCode);
    }

    /// <summary>A record as an executor writes it, into a run that is over (counts do not matter here).</summary>
    private async Task WriteAsync(RunRow run, string logType, LogText message, string assetHandle, params JobLogAux[] aux)
    {
        var writer = new JobLogWriter(run.Id, server.Services.GetRequiredService<RunStore>());
        await writer.WriteAsync(logType, message, assetName: "a.jpg", assetType: "MasterImage", assetHandle: assetHandle, aux: aux);
    }
}
