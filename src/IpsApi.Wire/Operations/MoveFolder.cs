// moveFolder: a folder into another; its handle stays.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "moveFolder", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<MoveFolderResponse> MoveFolderAsync(MoveFolderRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class MoveFolderRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "moveFolderParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public MoveFolderParam? MoveFolderParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class MoveFolderResponse
{
    [MessageBodyMember(Name = "moveFolderReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public MoveFolderReturn MoveFolderReturn { get; set; } = new();
}

/// <summary>Request body of <c>moveFolder</c>.</summary>
[XmlRoot("moveFolderParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class MoveFolderParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("folderHandle", Order = 2)]
    public string? FolderHandle { get; set; }

    [XmlElement("destFolderHandle", Order = 3)]
    public string? DestFolderHandle { get; set; }
}

/// <summary>Response body of <c>moveFolder</c>.</summary>
[XmlRoot("moveFolderReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class MoveFolderReturn
{
    [XmlElement("folderHandle", Order = 1)]
    public string? FolderHandle { get; set; }
}
