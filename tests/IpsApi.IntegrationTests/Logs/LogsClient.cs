using System.ServiceModel;
using IpsApi.Wire;

namespace IpsApi.IntegrationTests.Logs;

/// <summary>
/// The three log operations as a WCF client generated from our WSDL holds them, written here independently of
/// the server's contract (the wire types are shared: they are what such a generator produces).
/// </summary>
[ServiceContract(Name = "IpsApiPortType", Namespace = "http://www.scene7.com/IpsApi")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IIpsLogsClient
{
    [OperationContract(Action = "getJobLogs", ReplyAction = "*")]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    Task<ClientGetJobLogsResponse> GetJobLogsAsync(ClientGetJobLogsRequest request);

    [OperationContract(Action = "getJobLogDetails", ReplyAction = "*")]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    Task<ClientGetJobLogDetailsResponse> GetJobLogDetailsAsync(ClientGetJobLogDetailsRequest request);

    [OperationContract(Action = "getAssetJobLogs", ReplyAction = "*")]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    Task<ClientGetAssetJobLogsResponse> GetAssetJobLogsAsync(ClientGetAssetJobLogsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class ClientGetJobLogsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getJobLogsParam", Namespace = IpsNamespaces.Types)]
    public GetJobLogsParam? Param { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ClientGetJobLogsResponse
{
    [MessageBodyMember(Name = "getJobLogsReturn", Namespace = IpsNamespaces.Types)]
    public GetJobLogsReturn? Return { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ClientGetJobLogDetailsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getJobLogDetailsParam", Namespace = IpsNamespaces.Types)]
    public GetJobLogDetailsParam? Param { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ClientGetJobLogDetailsResponse
{
    [MessageBodyMember(Name = "getJobLogDetailsReturn", Namespace = IpsNamespaces.Types)]
    public GetJobLogDetailsReturn? Return { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ClientGetAssetJobLogsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getAssetJobLogsParam", Namespace = IpsNamespaces.Types)]
    public GetAssetJobLogsParam? Param { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ClientGetAssetJobLogsResponse
{
    [MessageBodyMember(Name = "getAssetJobLogsReturn", Namespace = IpsNamespaces.Types)]
    public GetAssetJobLogsReturn? Return { get; set; }
}
