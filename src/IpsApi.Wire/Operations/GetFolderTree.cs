// getFolderTree: a folder and its subfolders, nested, down to a depth.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getFolderTree", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetFolderTreeResponse> GetFolderTreeAsync(GetFolderTreeRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetFolderTreeRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getFolderTreeParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetFolderTreeParam? GetFolderTreeParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetFolderTreeResponse
{
    [MessageBodyMember(Name = "getFolderTreeReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetFolderTreeReturn GetFolderTreeReturn { get; set; } = new();
}

/// <summary>Request body of <c>getFolderTree</c>.</summary>
[XmlRoot("getFolderTreeParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetFolderTreeParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("accessUserHandle", Order = 2)]
    public string? AccessUserHandle { get; set; }

    [XmlElement("accessGroupHandle", Order = 3)]
    public string? AccessGroupHandle { get; set; }

    [XmlElement("folderPath", Order = 4)]
    public string? FolderPath { get; set; }

    [XmlElement("depth", Order = 5)]
    public int? Depth { get; set; }

    public bool ShouldSerializeDepth() => Depth.HasValue;

    [XmlElement("assetTypeArray", Order = 6)]
    public StringArray? AssetTypeArray { get; set; }

    [XmlElement("responseFieldArray", Order = 7)]
    public StringArray? ResponseFieldArray { get; set; }

    [XmlElement("excludeFieldArray", Order = 8)]
    public StringArray? ExcludeFieldArray { get; set; }
}

/// <summary>Response body of <c>getFolderTree</c>.</summary>
[XmlRoot("getFolderTreeReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetFolderTreeReturn
{
    [XmlElement("folders", Order = 1)]
    public FolderArray? Folders { get; set; }
}
