using System.ServiceModel;
using IpsApi.Wire;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// A .NET ServiceModel client of the server, as an application generated from the WSDL would hold one:
/// ChannelFactory over BasicHttpBinding with the IpsApi contract, the caller's credentials in authHeader.
/// </summary>
public sealed class IpsClient : IDisposable
{
    private readonly ChannelFactory<IIpsApi> _factory;
    private readonly AuthHeader _auth;

    public IpsClient(Uri serviceAddress, TestTenant tenant, string? locale = null)
    {
        _factory = new ChannelFactory<IIpsApi>(new BasicHttpBinding(), new EndpointAddress(serviceAddress));
        Api = _factory.CreateChannel();
        _auth = new AuthHeader { User = tenant.Email, Password = tenant.Password, Locale = locale, AppName = "tests" };
        Company = tenant.CompanyHandle;
    }

    public IIpsApi Api { get; }

    /// <summary>The caller's authHeader, for requests built outside the helpers below.</summary>
    public AuthHeader Auth => _auth;

    public string Company { get; }

    public async Task<string> SubmitAsync(SubmitJobParam param) =>
        (await Api.SubmitJobAsync(new SubmitJobRequest { AuthHeader = _auth, SubmitJobParam = param })).SubmitJobReturn.JobHandle!;

    public async Task<List<ActiveJob>> ActiveAsync(string? jobHandle = null, bool waiting = false, string? company = null) =>
        (await Api.GetActiveJobsAsync(new GetActiveJobsRequest
        {
            AuthHeader = _auth,
            GetActiveJobsParam = new GetActiveJobsParam { CompanyHandle = company ?? Company, JobHandle = jobHandle, IncludeWaitingJobs = waiting },
        })).GetActiveJobsReturn.JobArray!.Items;

    public async Task<List<ScheduledJob>> ScheduledAsync(string? jobHandle = null) =>
        (await Api.GetScheduledJobsAsync(new GetScheduledJobsRequest
        {
            AuthHeader = _auth,
            GetScheduledJobsParam = new GetScheduledJobsParam { CompanyHandle = Company, JobHandle = jobHandle },
        })).GetScheduledJobsReturn.JobArray!.Items;

    public Task StopAsync(string jobHandle, string? company = null) =>
        Api.StopJobAsync(new StopJobRequest { AuthHeader = _auth, StopJobParam = new StopJobParam { CompanyHandle = company ?? Company, JobHandle = jobHandle } });

    public Task PauseAsync(string jobHandle) =>
        Api.PauseJobAsync(new PauseJobRequest { AuthHeader = _auth, PauseJobParam = new PauseJobParam { CompanyHandle = Company, JobHandle = jobHandle } });

    public Task ResumeAsync(string jobHandle) =>
        Api.ResumeJobAsync(new ResumeJobRequest { AuthHeader = _auth, ResumeJobParam = new ResumeJobParam { CompanyHandle = Company, JobHandle = jobHandle } });

    public Task ExecuteAsync(string jobHandle) =>
        Api.ExecuteJobAsync(new ExecuteJobRequest { AuthHeader = _auth, ExecuteJobParam = new ExecuteJobParam { CompanyHandle = Company, JobHandle = jobHandle } });

    public Task DeleteAsync(string jobHandle) =>
        Api.DeleteJobAsync(new DeleteJobRequest { AuthHeader = _auth, DeleteJobParam = new DeleteJobParam { CompanyHandle = Company, JobHandle = jobHandle } });

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
