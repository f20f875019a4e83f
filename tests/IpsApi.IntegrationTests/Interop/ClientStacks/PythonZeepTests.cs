using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>
/// Python zeep (Debian's python3-zeep, which `./ipsapi` installs) against the running server: loads the served
/// WSDL and calls every operation over SOAP 1.1, faults included (tests/interop/python/zeep_client.py).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PythonZeepTests(ServerFixture server)
{
    // Debian's interpreter: the python3 first on PATH may be another (pyenv's) that cannot see Debian's modules.
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task A_zeep_client_calls_every_operation_and_reads_each_fault()
    {
        var tenant = await server.NewTenantAsync();

        var run = await ScriptRun.StartTourAsync(server, tenant, Python, Path.Combine(RepoPaths.Interop, "python"), "zeep_client.py");

        ScriptExpectations.AssertEveryOperationAndFault(run);
        Assert.Contains("zeep: all operations ok", run.Lines);
    }

    [Fact]
    public async Task A_zeep_client_of_a_dated_wsdl_calls_in_that_versions_namespace_reads_its_job_logs_and_a_fault()
    {
        var tenant = await server.NewTenantAsync();
        // 2008-09-10: its JobLog lacks the transfer counts every answer of this server has in the newest shape.
        var wsdl = new Uri(server.BaseAddress, "/scene7/webservice/IpsApi-2008-09-10.wsdl").ToString();

        var run = await ScriptRun.StartAsync(server, tenant, Python, Path.Combine(RepoPaths.Interop, "python"), ["zeep_dated.py"], ("IPSAPI_DATED_WSDL", wsdl));

        Assert.True(run.ExitCode == 0 && run.Errors.Length == 0, run.ToString());
        Assert.Contains($"ok submitJob 2008-09-10 {tenant.CompanyHandle}|zeep dated ", run.Output, StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.StartsWith("ok getJobLogs 2008-09-10 zeep dated ", StringComparison.Ordinal));
        Assert.Contains("fault getScheduledJobs soapenv:Client AuthorizationException authorizationFault 20006 Illegal company: the user is not a member of company no-such-company", run.Lines);
    }

    [Fact]
    public async Task Zeep_reads_the_served_wsdl_without_a_warning()
    {
        var tenant = await server.NewTenantAsync();
        var wsdl = new Uri(server.BaseAddress, "/scene7/webservice/IpsApi.wsdl").ToString();

        // zeep's own inspection command, as a developer would first point it at our WSDL.
        var run = await ScriptRun.StartAsync(server, tenant, Python, RepoPaths.Interop, "-m", "zeep", wsdl);

        Assert.True(run.ExitCode == 0 && run.Errors.Length == 0, run.ToString());
        Assert.Contains("Port: IpsApiSoapPort (Soap11Binding: {http://www.scene7.com/IpsApi}IpsApiSoapBinding)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Port: IpsApiSoap12Port (Soap12Binding: {http://www.scene7.com/IpsApi}IpsApiSoap12Binding)", run.Output, StringComparison.Ordinal);
        foreach (var operation in Calls.OperationBodies.Operations)
        {
            // Each operation once per port, with the authHeader as its SOAP header.
            Assert.Equal(2, run.Lines.Count(l => l.StartsWith($"{operation}(", StringComparison.Ordinal) && l.Contains("_soapheaders={authHeader: ns0:authHeader}", StringComparison.Ordinal)));
        }
    }
}
