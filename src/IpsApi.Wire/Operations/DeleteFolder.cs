// deleteFolder: removes an empty folder (and its empty subfolders).

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "deleteFolder", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<DeleteFolderResponse> DeleteFolderAsync(DeleteFolderRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteFolderRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "deleteFolderParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteFolderParam? DeleteFolderParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteFolderResponse
{
    [MessageBodyMember(Name = "deleteFolderReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteFolderReturn DeleteFolderReturn { get; set; } = new();
}

/// <summary>Request body of <c>deleteFolder</c>.</summary>
[XmlRoot("deleteFolderParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteFolderParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("folderHandle", Order = 2)]
    public string? FolderHandle { get; set; }
}

/// <summary>Response body of <c>deleteFolder</c> (empty).</summary>
[XmlRoot("deleteFolderReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteFolderReturn
{
}
