using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>
/// The Node.js `soap` package (pinned in tests/interop/node/package-lock.json; `./ipsapi test` runs npm ci)
/// against the running server: loads the served WSDL and calls every operation over SOAP 1.1, faults included.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class NodeSoapTests(ServerFixture server)
{
    private static string Folder => Path.Combine(RepoPaths.Interop, "node");

    [Fact]
    public async Task A_node_soap_client_calls_every_operation_and_reads_each_fault()
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "soap")),
            $"node-soap is not installed: run 'npm ci' in {Folder} ('./ipsapi test' does)");
        var tenant = await server.NewTenantAsync();

        var run = await ScriptRun.StartTourAsync(server, tenant, "node", Folder, "soap-client.js");

        ScriptExpectations.AssertEveryOperationAndFault(run);
        Assert.Contains("node-soap: all operations ok", run.Lines);
        // node-soap warns on stderr about WSDL constructs it cannot map; there must be none.
        Assert.True(run.Errors.Length == 0, run.ToString());
    }

    [Fact]
    public async Task A_node_soap_client_of_a_dated_wsdl_calls_in_that_versions_namespace_and_reads_a_fault()
    {
        var tenant = await server.NewTenantAsync();
        // The address seen in public client code, beside the documented /scene7/webservice/ one.
        var wsdl = new Uri(server.BaseAddress, "/scene7/IpsApi-2008-01-15.wsdl").ToString();

        var run = await ScriptRun.StartAsync(server, tenant, "node", Folder, ["soap-dated.js"], ("IPSAPI_DATED_WSDL", wsdl));

        Assert.True(run.ExitCode == 0 && run.Errors.Length == 0, run.ToString());
        Assert.Contains($"ok submitJob 2008-01-15 {tenant.CompanyHandle}|node dated ", run.Output, StringComparison.Ordinal);
        Assert.Contains("fault getScheduledJobs soapenv:Client AuthorizationException authorizationFault 20006 Illegal company: the user is not a member of company no-such-company", run.Lines);
    }

    [Fact]
    public async Task Node_soap_loads_the_served_wsdl_without_a_warning_and_sees_every_operation_on_both_ports()
    {
        var tenant = await server.NewTenantAsync();

        var run = await ScriptRun.StartAsync(server, tenant, "node", Folder, ["describe-wsdl.js"], ("DEBUG", "node-soap"));

        Assert.True(run.ExitCode == 0, run.ToString());
        // Each port with its operations: every operation of the server's catalog, in whatever order the WSDL has them.
        var ports = run.Lines.Select(l => l.Split(' ')).ToDictionary(w => $"{w[0]} {w[1]}", w => w[2..].Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["IpsApiService IpsApiSoapPort", "IpsApiService IpsApiSoap12Port"], ports.Keys);
        Assert.All(ports.Values, operations => Assert.Equal(Calls.OperationBodies.Operations, operations));
        // With DEBUG on, node-soap logs the WSDL's download and nothing else while it reads it: no part it
        // could not resolve, no schema it had to skip.
        var debug = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(debug);
        Assert.All(debug, line => Assert.Matches(@"node-soap (Reading url|Http request|Http response body): ", line));
    }
}
