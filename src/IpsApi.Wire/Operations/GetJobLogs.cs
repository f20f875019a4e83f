// getJobLogs: one log per job run, with its counts.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getJobLogs", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetJobLogsResponse> GetJobLogsAsync(GetJobLogsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getJobLogsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogsParam? GetJobLogsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogsResponse
{
    [MessageBodyMember(Name = "getJobLogsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogsReturn GetJobLogsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getJobLogs</c>.</summary>
[XmlRoot("getJobLogsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetJobLogsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("userHandle", Order = 2)]
    public string? UserHandle { get; set; }

    [XmlElement("sortBy", Order = 3)]
    public string? SortBy { get; set; }

    [XmlElement("sortDirection", Order = 4)]
    public string? SortDirection { get; set; }

    [XmlElement("startDate", Order = 5)]
    public DateTime? StartDate { get; set; }

    public bool ShouldSerializeStartDate() => StartDate.HasValue;

    [XmlElement("endDate", Order = 6)]
    public DateTime? EndDate { get; set; }

    public bool ShouldSerializeEndDate() => EndDate.HasValue;

    [XmlElement("numRows", Order = 7)]
    public int? NumRows { get; set; }

    public bool ShouldSerializeNumRows() => NumRows.HasValue;
}

/// <summary>Response body of <c>getJobLogs</c>.</summary>
[XmlRoot("getJobLogsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetJobLogsReturn
{
    [XmlElement("jobLogArray", Order = 1)]
    public JobLogArray? JobLogArray { get; set; }
}
