// renameFolder: a folder's new name; its handle stays.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "renameFolder", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<RenameFolderResponse> RenameFolderAsync(RenameFolderRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class RenameFolderRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "renameFolderParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public RenameFolderParam? RenameFolderParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class RenameFolderResponse
{
    [MessageBodyMember(Name = "renameFolderReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public RenameFolderReturn RenameFolderReturn { get; set; } = new();
}

/// <summary>Request body of <c>renameFolder</c>.</summary>
[XmlRoot("renameFolderParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class RenameFolderParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("folderHandle", Order = 2)]
    public string? FolderHandle { get; set; }

    [XmlElement("folderName", Order = 3)]
    public string? FolderName { get; set; }
}

/// <summary>Response body of <c>renameFolder</c>.</summary>
[XmlRoot("renameFolderReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class RenameFolderReturn
{
    [XmlElement("folderHandle", Order = 1)]
    public string? FolderHandle { get; set; }
}
