using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Soap.Wsdl;

namespace IpsApi.IntegrationTests.Interop.Calls;

/// <summary>What a client generated from a dated WSDL needs of an answer: every element in its namespace, shaped as the schema says.</summary>
public static class WireAnswer
{
    public static void AssertReturn(XElement answer, string operation, string ns)
    {
        Assert.Equal(XName.Get(operation + "Return", ns), answer.Name);
        var strays = answer.DescendantsAndSelf().Where(e => e.Name.NamespaceName != ns).Select(e => e.Name.ToString()).ToList();
        Assert.True(strays.Count == 0, $"elements outside {ns}: {string.Join(", ", strays)}\n{answer}");
        var version = ns.Length > IpsVersions.Unversioned.Length ? ns[(IpsVersions.Unversioned.Length + 1)..] : "";
        if (WsdlEditions.DatedVersions.Contains(version) && WireSchema.Declares(version, answer.Name.LocalName))
        {
            // A version this server serves a WSDL for: the answer holds what that WSDL declares, nothing newer.
            WireSchema.AssertValid(answer, version);
        }
        else
        {
            // An operation newer than the request's dated version is answered all the same, as today's WSDL has it.
            WireSchema.AssertValid(InUnversionedNamespace(answer));
        }
    }

    /// <summary>The schema describes the unversioned namespace; dated answers are held against it renamed.</summary>
    public static XElement InUnversionedNamespace(XElement element) => new(
        SoapResponse.Ips + element.Name.LocalName,
        element.Attributes().Where(a => !a.IsNamespaceDeclaration),
        element.Elements().Any() ? element.Elements().Select(InUnversionedNamespace) : (object)element.Value);
}
