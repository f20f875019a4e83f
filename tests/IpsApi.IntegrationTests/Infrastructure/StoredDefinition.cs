using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Server.Soap.Mapping;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>A stored job definition turned back into its wire element, as getActiveJobs will echo it.</summary>
public static class StoredDefinition
{
    public static XElement EchoedJobElement(JobRow job)
    {
        var definition = JobDefinitionJson.Deserialize(job.DefinitionJson);
        var wire = JobDefinitionEcho.ToWire(definition);
        var serializer = new XmlSerializer(wire.GetType(), new XmlRootAttribute(JobDefinitionEcho.ElementName(definition.Spec))
        {
            Namespace = SoapResponse.Ips.NamespaceName,
        });
        var document = new XDocument();
        using (var writer = document.CreateWriter())
        {
            serializer.Serialize(writer, wire);
        }

        return Strip(document.Root!);
    }

    /// <summary>The job element of a request body, in the unversioned namespace, without whitespace.</summary>
    public static XElement SubmittedJobElement(string envelope, string elementName)
    {
        var submitted = XDocument.Parse(envelope).Descendants().Single(e => e.Name.LocalName == elementName);
        return Strip(submitted);
    }

    private static XElement Strip(XElement element) => new(
        SoapResponse.Ips + element.Name.LocalName,
        element.Elements().Any() ? element.Elements().Select(Strip) : (object)element.Value);
}
