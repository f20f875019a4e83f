using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Interop.Calls;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.Interop.Namespaces;

/// <summary>
/// Clients generated from an old or beta WSDL send their bodies in that WSDL's namespace, and some their
/// authHeader too: every operation must work in each and answer in the namespace it was asked in.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class NamespaceTests(ServerFixture server)
{
    public static TheoryData<string, bool, bool> Cases()
    {
        var cases = new TheoryData<string, bool, bool>();
        foreach (var version in IpsVersions.Tested)
        {
            // (version, authHeader in the body's namespace, SOAP 1.2)
            cases.Add(version, false, false);
            if (version.Length > 0)
            {
                cases.Add(version, true, false);
            }
        }

        // The oldest served version and one between: their answers hold only what their WSDLs declare.
        cases.Add("2008-01-15", true, false);
        cases.Add("2010-01-31", false, false);
        cases.Add("2014-04-03", true, true);
        cases.Add("2017-10-29-beta", false, true);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_operation_answers_in_the_namespace_of_the_request(string version, bool authInBodyNamespace, bool soap12)
    {
        var tenant = await server.NewTenantAsync();
        var ns = IpsVersions.Namespace(version);
        var headerNamespace = authInBodyNamespace ? ns : IpsVersions.Unversioned;

        var tour = new OperationTour(server, tenant, ns, async (caller, operation, body) =>
        {
            var header = AuthHeader(headerNamespace, caller.Email, caller.Password);
            var response = await server.PostAsync(Envelope(soap12, header, body), soapAction: operation);
            Assert.True(response.Status == 200 && !response.IsFault, $"{operation}: {response.Text}");
            Assert.Equal(soap12 ? "application/soap+xml" : "text/xml", response.MediaType);
            WireAnswer.AssertReturn(response.BodyElement, operation, ns);
            return response.BodyElement;
        });
        await tour.RunAsync();
    }

    [Theory]
    [InlineData("2014-04-03")]
    [InlineData("2021-01-11-beta")]
    public async Task A_fault_to_a_dated_request_keeps_its_detail_in_the_unversioned_namespace(string version)
    {
        var tenant = await server.NewTenantAsync();
        var ns = IpsVersions.Namespace(version);

        var response = await server.PostAsync(
            Envelope(false, AuthHeader(ns, tenant.Email, tenant.Password), SubmitJob(ns, tenant.CompanyHandle, "", ImageServingPublish)));

        Assert.Equal(500, response.Status);
        Assert.Equal(SoapResponse.Ips + "ipsApiFault", response.FaultDetail.Name);
        Assert.Equal(30002, response.FaultCode);
    }
}
