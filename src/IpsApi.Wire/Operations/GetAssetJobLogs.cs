// getAssetJobLogs: what job runs recorded about one asset.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getAssetJobLogs", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetAssetJobLogsResponse> GetAssetJobLogsAsync(GetAssetJobLogsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetJobLogsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getAssetJobLogsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetJobLogsParam? GetAssetJobLogsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetJobLogsResponse
{
    [MessageBodyMember(Name = "getAssetJobLogsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetJobLogsReturn GetAssetJobLogsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getAssetJobLogs</c>.</summary>
[XmlRoot("getAssetJobLogsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetJobLogsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandle", Order = 2)]
    public string? AssetHandle { get; set; }
}

/// <summary>Response body of <c>getAssetJobLogs</c>.</summary>
[XmlRoot("getAssetJobLogsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetJobLogsReturn
{
    [XmlElement("jobLogArray", Order = 1)]
    public AssetJobLogArray? JobLogArray { get; set; }
}
