using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Interop.Calls;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.Interop.PlainXml;

/// <summary>
/// AEM calls the IPS API without SOAP: it posts a bare <c>Request</c> document (authHeader and the param element)
/// to /scene7/api/IpsApiService and reads the bare Return element, or the bare fault detail.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PlainXmlEndpointTests(ServerFixture server)
{
    private const string Beta = "http://www.scene7.com/IpsApi/xsd/2017-10-29-beta";

    [Fact]
    public async Task AEMs_submitJob_request_is_answered_with_the_bare_submitJobReturn_in_its_namespace()
    {
        var tenant = await server.NewTenantAsync();
        var document =
            $"<Request xmlns=\"{Beta}\">"
            + $"<authHeader><user>{tenant.Email}</user><password>{tenant.Password}</password><appName>AEM</appName></authHeader>"
            + $"<submitJobParam><companyHandle>{tenant.CompanyHandle}</companyHandle><jobName>aem publish</jobName>"
            + "<imageServingPublishJob><publishType>Incremental</publishType><emailSetting>None</emailSetting></imageServingPublishJob>"
            + "</submitJobParam></Request>";

        var response = await PostAsync(document);

        Assert.Equal(200, response.Status);
        Assert.Equal("text/xml", response.MediaType);
        var answer = response.Document.Root!;
        Assert.Equal(XName.Get("submitJobReturn", Beta), answer.Name);
        Assert.Equal($"{tenant.CompanyHandle}|aem publish|", (string?)answer.Element(XName.Get("jobHandle", Beta)));
        WireAnswer.AssertReturn(answer, "submitJob", Beta);
        var job = await JobRow.LoadAsync(server, tenant.CompanyHandle, "aem publish");
        Assert.Equal(("ImageServingPublish", "AEM"), (job.JobType, job.ClientApp));
    }

    [Theory]
    [InlineData("2017-10-29-beta")]
    [InlineData("")]
    public async Task Every_operation_works_on_the_plain_XML_endpoint(string version)
    {
        var tenant = await server.NewTenantAsync();
        var ns = IpsVersions.Namespace(version);

        var tour = new OperationTour(server, tenant, ns, async (caller, operation, body) =>
        {
            var response = await PostAsync(Request(ns, AuthHeader(ns, caller.Email, caller.Password), body));
            Assert.True(response.Status == 200, $"{operation}: {response.Text}");
            WireAnswer.AssertReturn(response.Document.Root!, operation, ns);
            return response.Document.Root!;
        });
        await tour.RunAsync();
    }

    [Fact]
    public async Task A_fault_is_the_bare_fault_element_with_HTTP_500()
    {
        var tenant = await server.NewTenantAsync();

        var response = await PostAsync(Request(Beta, AuthHeader(Beta, tenant.Email, tenant.Password),
            SubmitJob(Beta, tenant.CompanyHandle, "", ImageServingPublish)));

        Assert.Equal(500, response.Status);
        Assert.Equal("text/xml", response.MediaType);
        var fault = response.Document.Root!;
        Assert.Equal(SoapResponse.Ips + "ipsApiFault", fault.Name);
        Assert.Equal(30002, (int)fault.Element(SoapResponse.Ips + "code")!);
        Assert.Equal("Missing required parameter: jobName", (string?)fault.Element(SoapResponse.Ips + "reason"));
        WireSchema.AssertValid(fault);
    }

    [Fact]
    public async Task FaultHttpStatusCode_200_answers_the_fault_with_HTTP_200()
    {
        var tenant = await server.NewTenantAsync();
        var auth = AuthHeader(Beta, tenant.Email, "wrong password", "<faultHttpStatusCode>200</faultHttpStatusCode>");

        var response = await PostAsync(Request(Beta, auth, GetActiveJobs(Beta, tenant.CompanyHandle)));

        Assert.Equal(200, response.Status);
        var fault = response.Document.Root!;
        Assert.Equal(SoapResponse.Ips + "authenticationFault", fault.Name);
        Assert.Equal(10001, (int)fault.Element(SoapResponse.Ips + "code")!);
    }

    [Fact]
    public async Task A_company_of_someone_else_is_the_bare_authorizationFault()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        var response = await PostAsync(Request(Beta, AuthHeader(Beta, tenant.Email, tenant.Password), GetScheduledJobs(Beta, other.CompanyHandle)));

        Assert.Equal(500, response.Status);
        Assert.Equal(SoapResponse.Ips + "authorizationFault", response.Document.Root!.Name);
        Assert.Equal(20006, (int)response.Document.Root.Element(SoapResponse.Ips + "code")!);
    }

    [Fact]
    public async Task HTTP_Basic_authorization_replaces_the_authHeader()
    {
        var tenant = await server.NewTenantAsync();
        var document = $"<Request xmlns=\"{Beta}\">{GetScheduledJobs(Beta, tenant.CompanyHandle)}</Request>";

        var response = await PostAsync(document, request => request.Headers.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{tenant.Email}:{tenant.Password}"))));

        Assert.Equal(200, response.Status);
        Assert.Equal(XName.Get("getScheduledJobsReturn", Beta), response.Document.Root!.Name);
    }

    [Theory]
    [InlineData("<!DOCTYPE r [<!ENTITY x \"y\">]><Request xmlns=\"" + Beta + "\"><getActiveJobsParam/></Request>", "DTD")]
    [InlineData("<Request xmlns=\"" + Beta + "\"><getActiveJobsParam/><getScheduledJobsParam/></Request>", "exactly one operation element")]
    [InlineData("<Request xmlns=\"" + Beta + "\"></Request>", "holds no operation element")]
    [InlineData("<Request xmlns=\"" + Beta + "\">text<getActiveJobsParam/></Request>", "text directly inside the Request")]
    [InlineData("<Request xmlns=\"" + Beta + "\"><fooParam/></Request>", "unknown operation element fooParam")]
    [InlineData("<Request xmlns=\"urn:other\"><getActiveJobsParam/></Request>", "not an IPS Request")]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>", "not an IPS Request")]
    [InlineData("<Request xmlns=\"" + Beta + "\"><getActiveJobsParam>", "Invalid request XML")]
    public async Task A_document_that_is_no_valid_Request_is_30003_before_anything_runs(string document, string reasonPart)
    {
        var response = await PostAsync(document);

        Assert.Equal(500, response.Status);
        var fault = response.Document.Root!;
        Assert.Equal(SoapResponse.Ips + "ipsApiFault", fault.Name);
        Assert.Equal(30003, (int)fault.Element(SoapResponse.Ips + "code")!);
        Assert.Contains(reasonPart, (string?)fault.Element(SoapResponse.Ips + "reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_is_refused()
    {
        var tenant = await server.NewTenantAsync();
        var deep = string.Concat(Enumerable.Repeat("<a>", 100)) + string.Concat(Enumerable.Repeat("</a>", 100));

        var response = await PostAsync(Request(Beta, AuthHeader(Beta, tenant.Email, tenant.Password),
            Param(Beta, "submitJob", Field("companyHandle", tenant.CompanyHandle) + Field("jobName", "deep") + deep)));

        Assert.Equal(30003, (int)response.Document.Root!.Element(SoapResponse.Ips + "code")!);
        Assert.Contains("nested deeper", response.Text, StringComparison.Ordinal);
        Assert.Equal(0, await server.CountJobsAsync(tenant.CompanyHandle));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var tenant = await server.NewTenantAsync();
        var huge = new string('x', 2 * 1024 * 1024);

        var response = await PostAsync(Request(Beta, AuthHeader(Beta, tenant.Email, tenant.Password),
            SubmitJob(Beta, tenant.CompanyHandle, huge, ImageServingPublish)));

        Assert.Equal(30003, (int)response.Document.Root!.Element(SoapResponse.Ips + "code")!);
        Assert.Contains("larger than the limit", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GET_is_not_allowed_on_the_plain_XML_endpoint()
    {
        using var response = await server.Http.GetAsync(PlainAddress);

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    private Uri PlainAddress => new(server.BaseAddress, "/scene7/api/IpsApiService");

    public static string Request(string ns, string authHeader, string param) => $"<Request xmlns=\"{ns}\">{authHeader}{param}</Request>";

    private async Task<SoapResponse> PostAsync(string document, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PlainAddress)
        {
            Content = new StringContent(document, Encoding.UTF8, "text/xml"),
        };
        configure?.Invoke(request);
        return await server.SendAsync(request);
    }
}
