using System.ServiceModel;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Store;
using IpsApi.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Logs;

/// <summary>A regular .NET client reads job logs: typed dates, counts, pages, messages and faults.</summary>
[Collection(ServerCollection.Name)]
public sealed class LogsServiceModelTests(ServerFixture server) : IDisposable
{
    private readonly LogTestKit _kit = new(server);
    private readonly ChannelFactory<IIpsLogsClient> _factory = new(new BasicHttpBinding(), new EndpointAddress(server.ServiceAddress));

    [Fact]
    public async Task A_ServiceModel_client_reads_job_logs_details_and_asset_logs()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "wcf publish", "a.jpg", "b.jpg");
        // A record about an asset, as an upload would write it (FileBegin: it adds to no count).
        await new JobLogWriter(run.Id, server.Services.GetRequiredService<RunStore>())
            .WriteAsync("FileBegin", LogText.Of(LogKeys.Published), "a.jpg", "MasterImage", "a|wcf");
        var client = _factory.CreateChannel();
        var auth = new AuthHeader { User = tenant.Email, Password = tenant.Password, Locale = "de-DE", AppName = "wcf-test" };

        var logs = (await client.GetJobLogsAsync(new ClientGetJobLogsRequest
        {
            AuthHeader = auth,
            Param = new GetJobLogsParam { CompanyHandle = tenant.CompanyHandle, SortBy = "JobName", SortDirection = "Ascending", NumRows = 10 },
        })).Return!.JobLogArray!.Items;
        var details = (await client.GetJobLogDetailsAsync(new ClientGetJobLogDetailsRequest
        {
            AuthHeader = auth,
            Param = new GetJobLogDetailsParam
            {
                CompanyHandle = tenant.CompanyHandle,
                OriginalName = "wcf publish",
                LogTypeArray = new StringArray { Items = ["ServerDirectoryPublishSuccess"] },
                RecordsPerPage = 1,
                ResultsPage = 2,
            },
        })).Return!.JobLogArray!.Items;
        var assets = (await client.GetAssetJobLogsAsync(new ClientGetAssetJobLogsRequest
        {
            AuthHeader = auth,
            Param = new GetAssetJobLogsParam { CompanyHandle = tenant.CompanyHandle, AssetHandle = "a|wcf" },
        })).Return!.JobLogArray!.Items;

        var log = Assert.Single(logs);
        Assert.Equal(LogTestKit.HandleOf(tenant, "wcf publish", run), log.JobHandle);
        Assert.Equal(tenant.Email, log.SubmitUserEmail);
        Assert.Equal((2, 0, 2, false), (log.FileSuccessCount, log.FileErrorCount, log.TotalFileCount, log.FatalError));
        Assert.Equal(run.StartedAt, new DateTimeOffset(log.StartDate!.Value.ToUniversalTime()));
        Assert.Equal(run.EndedAt, new DateTimeOffset(log.EndDate!.Value.ToUniversalTime()));

        var paged = Assert.Single(details);
        Assert.Equal(2, paged.DetailTotalRows);
        var detail = Assert.Single(paged.DetailArray!.Items);
        Assert.Equal(("b.jpg", "Veröffentlicht", "ServerDirectoryPublishSuccess"), (detail.AssetName, detail.LogMessage, detail.LogType));

        var asset = Assert.Single(assets);
        Assert.Equal((log.JobHandle, "wcf publish", "Veröffentlicht", "FileBegin"), (asset.JobHandle, asset.JobName, asset.LogMessage, asset.LogType));
        Assert.Equal(tenant.Email, asset.SubmitUserEmail);
        ((IClientChannel)client).Close();
    }

    [Fact]
    public async Task A_ServiceModel_client_catches_the_typed_fault_for_a_foreign_company()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        var client = _factory.CreateChannel();

        var fault = await Assert.ThrowsAsync<FaultException<AuthorizationFault>>(() => client.GetJobLogsAsync(new ClientGetJobLogsRequest
        {
            AuthHeader = new AuthHeader { User = tenant.Email, Password = tenant.Password },
            Param = new GetJobLogsParam { CompanyHandle = other.CompanyHandle },
        }));

        Assert.Equal(20006, fault.Detail.Code);
        ((IClientChannel)client).Abort();
    }

    public void Dispose()
    {
        if (_factory.State == CommunicationState.Faulted)
        {
            _factory.Abort();
        }
        else
        {
            _factory.Close();
        }
    }
}
