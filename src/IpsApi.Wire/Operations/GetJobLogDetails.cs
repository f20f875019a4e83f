// getJobLogDetails: a job's log records, paged.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getJobLogDetails", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetJobLogDetailsResponse> GetJobLogDetailsAsync(GetJobLogDetailsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogDetailsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getJobLogDetailsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogDetailsParam? GetJobLogDetailsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogDetailsResponse
{
    [MessageBodyMember(Name = "getJobLogDetailsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogDetailsReturn GetJobLogDetailsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getJobLogDetails</c>.</summary>
[XmlRoot("getJobLogDetailsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetJobLogDetailsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }

    [XmlElement("originalName", Order = 3)]
    public string? OriginalName { get; set; }

    [XmlElement("logTypeArray", Order = 4)]
    public StringArray? LogTypeArray { get; set; }

    [XmlElement("recordsPerPage", Order = 5)]
    public int? RecordsPerPage { get; set; }

    public bool ShouldSerializeRecordsPerPage() => RecordsPerPage.HasValue;

    [XmlElement("resultsPage", Order = 6)]
    public int? ResultsPage { get; set; }

    public bool ShouldSerializeResultsPage() => ResultsPage.HasValue;

    [XmlElement("sortBy", Order = 7)]
    public string? SortBy { get; set; }

    [XmlElement("sortDirection", Order = 8)]
    public string? SortDirection { get; set; }
}

/// <summary>Response body of <c>getJobLogDetails</c>.</summary>
[XmlRoot("getJobLogDetailsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetJobLogDetailsReturn
{
    [XmlElement("jobLogArray", Order = 1)]
    public JobLogArray? JobLogArray { get; set; }
}
