using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Wire;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>
/// A .NET System.ServiceModel client over SOAP 1.1 (BasicHttpBinding) and SOAP 1.2 (a custom binding, as
/// svcutil writes one for the WSDL's IpsApiSoap12Port): every job operation, and each fault caught typed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ServiceModelStackTests(ServerFixture server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ServiceModel_client_calls_every_job_operation(bool soap12)
    {
        var tenant = await server.NewTenantAsync();
        using var factory = Factory(soap12);
        var api = factory.CreateChannel();
        var auth = new AuthHeader { User = tenant.Email, Password = tenant.Password, AppName = "wcf" };
        var company = tenant.CompanyHandle;

        var handle = (await api.SubmitJobAsync(new SubmitJobRequest
        {
            AuthHeader = auth,
            SubmitJobParam = new SubmitJobParam
            {
                CompanyHandle = company,
                JobName = "wcf scheduled",
                ExecSchedule = FarFutureCron,
                ImageServingPublishJob = new ImageServingPublishJob { PublishType = "Full", EmailSetting = "None" },
            },
        })).SubmitJobReturn.JobHandle;
        Assert.Equal($"{company}|wcf scheduled|", handle);

        var scheduled = (await api.GetScheduledJobsAsync(new GetScheduledJobsRequest
        {
            AuthHeader = auth,
            GetScheduledJobsParam = new GetScheduledJobsParam { CompanyHandle = company, JobHandle = handle },
        })).GetScheduledJobsReturn.JobArray!.Items.Single();
        Assert.Equal(("Normal", 2099), (scheduled.TriggerState, scheduled.NextFireTime!.Value.Year));

        await api.PauseJobAsync(new PauseJobRequest { AuthHeader = auth, PauseJobParam = new PauseJobParam { CompanyHandle = company, JobHandle = handle } });
        await api.ResumeJobAsync(new ResumeJobRequest { AuthHeader = auth, ResumeJobParam = new ResumeJobParam { CompanyHandle = company, JobHandle = handle } });
        await api.ExecuteJobAsync(new ExecuteJobRequest { AuthHeader = auth, ExecuteJobParam = new ExecuteJobParam { CompanyHandle = company, JobHandle = handle } });
        await server.WaitForRunAsync(tenant, "wcf scheduled", r => r.EndedAt is not null);

        var logs = (await api.GetJobLogsAsync(new GetJobLogsRequest
        {
            AuthHeader = auth,
            GetJobLogsParam = new GetJobLogsParam { CompanyHandle = company },
        })).GetJobLogsReturn.JobLogArray!.Items;
        Assert.Equal("wcf scheduled", Assert.Single(logs).JobName);
        var details = (await api.GetJobLogDetailsAsync(new GetJobLogDetailsRequest
        {
            AuthHeader = auth,
            GetJobLogDetailsParam = new GetJobLogDetailsParam { CompanyHandle = company, OriginalName = "wcf scheduled" },
        })).GetJobLogDetailsReturn.JobLogArray!.Items.Single();
        Assert.Equal(details.DetailTotalRows, details.DetailArray!.Items.Count);
        var assets = (await api.GetAssetJobLogsAsync(new GetAssetJobLogsRequest
        {
            AuthHeader = auth,
            GetAssetJobLogsParam = new GetAssetJobLogsParam { CompanyHandle = company, AssetHandle = "a|never-named" },
        })).GetAssetJobLogsReturn.JobLogArray!.Items;
        Assert.Empty(assets);

        await api.SubmitJobAsync(new SubmitJobRequest
        {
            AuthHeader = auth,
            SubmitJobParam = new SubmitJobParam { CompanyHandle = company, JobName = "wcf running", OptimizeImagesJob = new OptimizeImagesJob { EmailSetting = "None" } },
        });
        await server.WaitForRunAsync(tenant, "wcf running", r => r.State == "Running");
        var running = (await api.GetActiveJobsAsync(new GetActiveJobsRequest
        {
            AuthHeader = auth,
            GetActiveJobsParam = new GetActiveJobsParam { CompanyHandle = company },
        })).GetActiveJobsReturn.JobArray!.Items.Single();
        Assert.Equal(("wcf running", "Running", "ImageOptimization"), (running.Name, running.State, running.Type));
        await api.StopJobAsync(new StopJobRequest { AuthHeader = auth, StopJobParam = new StopJobParam { CompanyHandle = company, JobHandle = running.JobHandle } });
        await server.WaitForRunAsync(tenant, "wcf running", r => r.EndedAt is not null);

        await api.DeleteJobAsync(new DeleteJobRequest { AuthHeader = auth, DeleteJobParam = new DeleteJobParam { CompanyHandle = company, JobHandle = handle } });
        Assert.Empty((await api.GetScheduledJobsAsync(new GetScheduledJobsRequest
        {
            AuthHeader = auth,
            GetScheduledJobsParam = new GetScheduledJobsParam { CompanyHandle = company },
        })).GetScheduledJobsReturn.JobArray!.Items);
        ((IClientChannel)api).Close();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ServiceModel_client_catches_each_fault_typed_with_code_and_reason(bool soap12)
    {
        var tenant = await server.NewTenantAsync();
        using var factory = Factory(soap12);
        var api = factory.CreateChannel();
        var auth = new AuthHeader { User = tenant.Email, Password = tenant.Password };
        var callerCode = soap12 ? "Sender" : "Client";

        var missing = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => api.SubmitJobAsync(new SubmitJobRequest
        {
            AuthHeader = auth,
            SubmitJobParam = new SubmitJobParam { CompanyHandle = tenant.CompanyHandle, JobName = "", OptimizeImagesJob = new OptimizeImagesJob { EmailSetting = "None" } },
        }));
        var company = await Assert.ThrowsAsync<FaultException<AuthorizationFault>>(() => api.GetScheduledJobsAsync(new GetScheduledJobsRequest
        {
            AuthHeader = auth,
            GetScheduledJobsParam = new GetScheduledJobsParam { CompanyHandle = "no-such-company" },
        }));
        var notRunning = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => api.StopJobAsync(new StopJobRequest
        {
            AuthHeader = auth,
            StopJobParam = new StopJobParam { CompanyHandle = tenant.CompanyHandle, JobHandle = $"{tenant.CompanyHandle}|no such job|" },
        }));
        var password = await Assert.ThrowsAsync<FaultException<AuthenticationFault>>(() => api.GetActiveJobsAsync(new GetActiveJobsRequest
        {
            AuthHeader = new AuthHeader { User = tenant.Email, Password = "not the password" },
            GetActiveJobsParam = new GetActiveJobsParam { CompanyHandle = tenant.CompanyHandle },
        }));

        Assert.Equal((callerCode, "ipsApiFault", 30002, "Missing required parameter: jobName"),
            (missing.Code.Name, missing.Reason.ToString(), missing.Detail.Code, missing.Detail.Reason));
        Assert.Equal((callerCode, "AuthorizationException", 20006, "Illegal company: the user is not a member of company no-such-company"),
            (company.Code.Name, company.Reason.ToString(), company.Detail.Code, company.Detail.Reason));
        Assert.Equal((callerCode, 30001), (notRunning.Code.Name, notRunning.Detail.Code));
        Assert.Equal((callerCode, "AuthenticationException", 10001, "Invalid credentials"),
            (password.Code.Name, password.Reason.ToString(), password.Detail.Code, password.Detail.Reason));
        ((IClientChannel)api).Abort();
    }

    private sealed class DisposableFactory(ChannelFactory<IIpsApi> factory) : IDisposable
    {
        public IIpsApi CreateChannel() => factory.CreateChannel();

        public void Dispose()
        {
            if (factory.State == CommunicationState.Opened)
            {
                factory.Close();
            }
            else
            {
                factory.Abort();
            }
        }
    }

    private DisposableFactory Factory(bool soap12)
    {
        Binding binding = soap12
            ? new CustomBinding(new TextMessageEncodingBindingElement(MessageVersion.Soap12, Encoding.UTF8), new HttpTransportBindingElement())
            : new BasicHttpBinding();
        return new DisposableFactory(new ChannelFactory<IIpsApi>(binding, new EndpointAddress(server.ServiceAddress)));
    }
}
