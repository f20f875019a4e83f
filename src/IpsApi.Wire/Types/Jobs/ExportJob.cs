// exportJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Exports assets, as originals or converted, to a download address.</summary>
[XmlType("ExportJob", Namespace = IpsNamespaces.Types)]
public class ExportJob
{
    [XmlElement("assetHandleArray", Order = 1)]
    public HandleArray? AssetHandleArray { get; set; }

    [XmlElement("fmt", Order = 2)]
    public string? Fmt { get; set; }

    [XmlElement("is_modifier", Order = 3)]
    public string? IsModifier { get; set; }

    [XmlElement("macro", Order = 4)]
    public string? Macro { get; set; }

    [XmlElement("emailSetting", Order = 5)]
    public string? EmailSetting { get; set; }

    [XmlElement("clientId", Order = 6)]
    public string? ClientId { get; set; }
}

public partial interface IJobElements
{
    ExportJob? ExportJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("exportJob", Order = 19)]
    public ExportJob? ExportJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("exportJob", Order = 30)]
    public ExportJob? ExportJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("exportJob", Order = 24)]
    public ExportJob? ExportJob { get; set; }
}
