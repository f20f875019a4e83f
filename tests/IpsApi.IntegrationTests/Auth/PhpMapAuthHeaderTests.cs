using System.Security;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Auth;

/// <summary>
/// A PHP integration that builds its header as <c>new SoapHeader('http://www.scene7.com/IpsApi/xsd', 'authHeader',
/// ['user' =&gt; ..., 'password' =&gt; ...])</c> against a dated WSDL sends it as an Apache SOAP map: the server reads
/// the same credentials and settings from it, over SOAP and on the plain-XML endpoint.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PhpMapAuthHeaderTests(ServerFixture server)
{
    private const string Dated = "http://www.scene7.com/IpsApi/xsd/2014-04-03";

    [Fact]
    public async Task PHPs_map_header_signs_in_and_the_call_is_answered_in_the_dated_namespace()
    {
        var tenant = await server.NewTenantAsync();

        var response = await server.PostAsync(PhpEnvelope(tenant.Email, tenant.Password, tenant.CompanyHandle), soapAction: "getActiveJobs");

        Assert.True(response.Status == 200 && !response.IsFault, response.Text);
        Assert.Equal(XName.Get("getActiveJobsReturn", Dated), response.BodyElement.Name);
    }

    [Fact]
    public async Task A_wrong_password_in_the_map_is_refused_with_the_fault_status_the_map_asks_for()
    {
        var tenant = await server.NewTenantAsync();

        var response = await server.PostAsync(PhpEnvelope(tenant.Email, "not the password", tenant.CompanyHandle), soapAction: "getActiveJobs");

        // faultHttpStatusCode=200 came in the map too.
        Assert.Equal(200, response.Status);
        Assert.Equal(SoapResponse.Ips + "authenticationFault", response.FaultDetail.Name);
        Assert.Equal(10001, response.FaultCode);
    }

    [Fact]
    public async Task The_plain_XML_endpoint_reads_the_map_header_too()
    {
        var tenant = await server.NewTenantAsync();
        var document =
            $"<Request xmlns=\"{Dated}\"><authHeader xmlns=\"http://www.scene7.com/IpsApi/xsd\">{Items(tenant.Email, tenant.Password)}</authHeader>"
            + $"<getActiveJobsParam><companyHandle>{tenant.CompanyHandle}</companyHandle></getActiveJobsParam></Request>";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "/scene7/api/IpsApiService"))
        {
            Content = new StringContent(document, Encoding.UTF8, "text/xml"),
        };

        var response = await server.SendAsync(request);

        Assert.Equal(200, response.Status);
        Assert.Equal(XName.Get("getActiveJobsReturn", Dated), response.Document.Root!.Name);
    }

    /// <summary>The envelope PHP 8.2's SoapClient writes for getActiveJobs from the 2014-04-03 WSDL with that header, byte for byte but for the values.</summary>
    private static string PhpEnvelope(string user, string password, string company) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + $"<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns1=\"{Dated}\" xmlns:ns2=\"http://www.scene7.com/IpsApi/xsd\">"
        + $"<SOAP-ENV:Header><ns2:authHeader>{Items(user, password)}</ns2:authHeader></SOAP-ENV:Header>"
        + $"<SOAP-ENV:Body><ns1:getActiveJobsParam><ns1:companyHandle>{SecurityElement.Escape(company)}</ns1:companyHandle></ns1:getActiveJobsParam></SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private static string Items(string user, string password) =>
        $"<item><key>user</key><value>{SecurityElement.Escape(user)}</value></item>"
        + $"<item><key>password</key><value>{SecurityElement.Escape(password)}</value></item>"
        + "<item><key>appName</key><value>php</value></item>"
        + "<item><key>faultHttpStatusCode</key><value>200</value></item>";
}
