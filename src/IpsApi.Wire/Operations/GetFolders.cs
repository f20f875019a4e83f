// getFolders: a folder and every folder below it, as one list.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getFolders", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetFoldersResponse> GetFoldersAsync(GetFoldersRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetFoldersRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getFoldersParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetFoldersParam? GetFoldersParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetFoldersResponse
{
    [MessageBodyMember(Name = "getFoldersReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetFoldersReturn GetFoldersReturn { get; set; } = new();
}

/// <summary>Request body of <c>getFolders</c>.</summary>
[XmlRoot("getFoldersParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetFoldersParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("accessUserHandle", Order = 2)]
    public string? AccessUserHandle { get; set; }

    [XmlElement("accessGroupHandle", Order = 3)]
    public string? AccessGroupHandle { get; set; }

    [XmlElement("folderPath", Order = 4)]
    public string? FolderPath { get; set; }

    [XmlElement("assetTypeArray", Order = 5)]
    public StringArray? AssetTypeArray { get; set; }

    [XmlElement("responseFieldArray", Order = 6)]
    public StringArray? ResponseFieldArray { get; set; }

    [XmlElement("excludeFieldArray", Order = 7)]
    public StringArray? ExcludeFieldArray { get; set; }
}

/// <summary>Response body of <c>getFolders</c>.</summary>
[XmlRoot("getFoldersReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetFoldersReturn
{
    [XmlElement("folderArray", Order = 1)]
    public FolderArray? FolderArray { get; set; }
}
