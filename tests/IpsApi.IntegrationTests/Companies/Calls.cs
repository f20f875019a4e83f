using System.Security;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Companies;

/// <summary>Operations called as hand-written XML, the answer checked against the WSDL's schema.</summary>
internal static class Calls
{
    public static readonly XNamespace Ips = SoapResponse.Ips;

    public static string Text(string name, string? value) =>
        value is null ? "" : $"<{name}>{SecurityElement.Escape(value)}</{name}>";

    public static async Task<SoapResponse> CallAsync(ServerFixture server, TestTenant tenant, string operation, string inner)
    {
        var response = await server.PostAsync(
            Envelopes.Soap11(tenant, $"<{operation}Param xmlns=\"{Ips.NamespaceName}\">{inner}</{operation}Param>"), operation);
        WireSchema.AssertValid(response.IsFault ? response.FaultDetail : response.BodyElement);
        return response;
    }

    /// <summary>The answer of a call that must succeed.</summary>
    public static async Task<XElement> OkAsync(ServerFixture server, TestTenant tenant, string operation, string inner)
    {
        var response = await CallAsync(server, tenant, operation, inner);
        Assert.False(response.IsFault, response.Text);
        Assert.Equal(Ips + $"{operation}Return", response.BodyElement.Name);
        return response.BodyElement;
    }

    /// <summary>The fault of a call that must fail: its code and reason.</summary>
    public static async Task<(int Code, string Reason)> FaultAsync(ServerFixture server, TestTenant tenant, string operation, string inner)
    {
        var response = await CallAsync(server, tenant, operation, inner);
        Assert.True(response.IsFault, response.Text);
        return (response.FaultCode, response.FaultReason);
    }
}
