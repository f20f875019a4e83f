// automatedSetGenerationJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Generates image sets from assets by the company's set scripts.</summary>
[XmlType("AutomatedSetGenerationJob", Namespace = IpsNamespaces.Types)]
public class AutomatedSetGenerationJob
{
    [XmlElement("assetHandleArray", Order = 1)]
    public HandleArray? AssetHandleArray { get; set; }

    [XmlElement("destFolder", Order = 2)]
    public string? DestFolder { get; set; }

    [XmlElement("readyForPublish", Order = 3)]
    public bool? ReadyForPublish { get; set; }

    public bool ShouldSerializeReadyForPublish() => ReadyForPublish.HasValue;

    [XmlElement("autoSetCreationOptions", Order = 4)]
    public AutoSetCreationOptions? AutoSetCreationOptions { get; set; }

    [XmlElement("emailSetting", Order = 5)]
    public string? EmailSetting { get; set; }
}

public partial interface IJobElements
{
    AutomatedSetGenerationJob? AutomatedSetGenerationJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("automatedSetGenerationJob", Order = 20)]
    public AutomatedSetGenerationJob? AutomatedSetGenerationJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("automatedSetGenerationJob", Order = 31)]
    public AutomatedSetGenerationJob? AutomatedSetGenerationJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("automatedSetGenerationJob", Order = 25)]
    public AutomatedSetGenerationJob? AutomatedSetGenerationJob { get; set; }
}
