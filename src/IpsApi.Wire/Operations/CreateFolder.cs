// createFolder: a new folder (and any missing parent).

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "createFolder", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<CreateFolderResponse> CreateFolderAsync(CreateFolderRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class CreateFolderRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "createFolderParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public CreateFolderParam? CreateFolderParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class CreateFolderResponse
{
    [MessageBodyMember(Name = "createFolderReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public CreateFolderReturn CreateFolderReturn { get; set; } = new();
}

/// <summary>Request body of <c>createFolder</c>.</summary>
[XmlRoot("createFolderParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class CreateFolderParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("folderPath", Order = 2)]
    public string? FolderPath { get; set; }
}

/// <summary>Response body of <c>createFolder</c>.</summary>
[XmlRoot("createFolderReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class CreateFolderReturn
{
    [XmlElement("folderHandle", Order = 1)]
    public string? FolderHandle { get; set; }
}
