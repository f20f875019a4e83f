// The upload-by-POST elements: the parameters of an UploadFile POST and its answer.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Parameters of an upload by HTTP POST (the UploadFile endpoint, not a SOAP operation).</summary>
[XmlRoot("uploadPostParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class UploadPostParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobName", Order = 2)]
    public string? JobName { get; set; }

    [XmlElement("jobHandle", Order = 3)]
    public string? JobHandle { get; set; }

    [XmlElement("locale", Order = 4)]
    public string? Locale { get; set; }

    [XmlElement("description", Order = 5)]
    public string? Description { get; set; }

    [XmlElement("destFolder", Order = 6)]
    public string? DestFolder { get; set; }

    [XmlElement("fileName", Order = 7)]
    public string? FileName { get; set; }

    [XmlElement("endJob", Order = 8)]
    public bool? EndJob { get; set; }

    public bool ShouldSerializeEndJob() => EndJob.HasValue;

    [XmlElement("uploadParams", Order = 9)]
    public UploadPostJob? UploadParams { get; set; }
}

/// <summary>Result of an upload by HTTP POST.</summary>
[XmlRoot("uploadPostReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class UploadPostReturn
{
    [XmlElement("jobHandle", Order = 1)]
    public string? JobHandle { get; set; }
}
