using System.ServiceModel;
using System.ServiceModel.Channels;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Wire;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>
/// The contract a WCF client generated from our WSDL would hold, written here independently of the
/// server's: a regular .NET client must submit a job and catch the fault as a typed FaultException.
/// </summary>
[ServiceContract(Name = "IpsApiPortType", Namespace = "http://www.scene7.com/IpsApi")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IIpsApiClient
{
    [OperationContract(Action = "submitJob", ReplyAction = "*")]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    Task<ClientSubmitJobResponse> SubmitJobAsync(ClientSubmitJobRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class ClientSubmitJobRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "submitJobParam", Namespace = IpsNamespaces.Types)]
    public SubmitJobParam? SubmitJobParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ClientSubmitJobResponse
{
    [MessageBodyMember(Name = "submitJobReturn", Namespace = IpsNamespaces.Types)]
    public SubmitJobReturn? SubmitJobReturn { get; set; }
}

[Collection(ServerCollection.Name)]
public sealed class ServiceModelClientTests(ServerFixture server)
{
    [Fact]
    public async Task A_ServiceModel_client_submits_a_job_and_gets_its_handle()
    {
        var tenant = await server.NewTenantAsync();
        var client = Create(out var factory);

        var response = await client.SubmitJobAsync(new ClientSubmitJobRequest
        {
            AuthHeader = new AuthHeader { User = tenant.Email, Password = tenant.Password, AppName = "wcf-test" },
            SubmitJobParam = new SubmitJobParam
            {
                CompanyHandle = tenant.CompanyHandle,
                JobName = "wcf job",
                OptimizeImagesJob = new OptimizeImagesJob { EmailSetting = "JobCompletion" },
            },
        });

        Assert.Equal($"{tenant.CompanyHandle}|wcf job|", response.SubmitJobReturn?.JobHandle);
        Assert.Equal("ImageOptimization", (await JobRow.LoadAsync(server, tenant.CompanyHandle, "wcf job")).JobType);
        factory.Close();
    }

    [Fact]
    public async Task A_ServiceModel_client_catches_a_typed_fault_with_code_and_reason()
    {
        var tenant = await server.NewTenantAsync();
        var client = Create(out var factory);

        var fault = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => client.SubmitJobAsync(new ClientSubmitJobRequest
        {
            AuthHeader = new AuthHeader { User = tenant.Email, Password = tenant.Password },
            SubmitJobParam = new SubmitJobParam
            {
                CompanyHandle = tenant.CompanyHandle,
                OptimizeImagesJob = new OptimizeImagesJob { EmailSetting = "None" },
            },
        }));

        Assert.Equal(30002, fault.Detail.Code);
        Assert.Equal("Missing required parameter: jobName", fault.Detail.Reason);
        Assert.Equal("ipsApiFault", fault.Reason.ToString());
        factory.Abort();
    }

    private IIpsApiClient Create(out ChannelFactory<IIpsApiClient> factory)
    {
        factory = new ChannelFactory<IIpsApiClient>(new BasicHttpBinding(), new EndpointAddress(server.ServiceAddress));
        return factory.CreateChannel();
    }
}
