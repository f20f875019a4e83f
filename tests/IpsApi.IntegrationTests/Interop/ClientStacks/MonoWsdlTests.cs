using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>
/// A C# client generated from the served WSDL by a .NET WSDL tool: Mono's <c>wsdl</c> (the .NET Framework's
/// wsdl.exe, from Debian's mono-devel, which `./ipsapi` installs), compiled with Mono's C# compiler and run on Mono
/// against the server (tests/interop/mono/WsdlClient.cs). dotnet-svcutil is not obtainable here, and Mono's
/// svcutil writes an empty file for any WSDL (README.md of tests/interop says more).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MonoWsdlTests(ServerFixture server)
{
    /// <summary>What the client calls besides submitJob and getJobLogs: every operation of the catalog that is no job operation.</summary>
    private static readonly IEnumerable<string> CompanyAndFolderOperations = Calls.OperationBodies.Operations.Except(
        ["submitJob", "getActiveJobs", "getScheduledJobs", "getJobLogs", "getJobLogDetails", "getAssetJobLogs",
         "stopJob", "pauseJob", "resumeJob", "executeJob", "deleteJob"]);

    [Fact]
    public async Task Monos_wsdl_tool_generates_a_client_without_a_warning_that_compiles_and_calls_jobs_companies_and_folders_and_reads_faults()
    {
        Assert.True(File.Exists("/usr/bin/wsdl") && File.Exists("/usr/bin/mcs"),
            "Mono's wsdl and mcs are not installed: apt-get install mono-devel ('./ipsapi test' does)");
        var tenant = await server.NewTenantAsync();
        var work = Directory.CreateTempSubdirectory("ipsapi-mono-wsdl-").FullName;
        try
        {
            var wsdl = new Uri(server.BaseAddress, "/scene7/webservice/IpsApi.wsdl").ToString();

            var generate = await ScriptRun.StartAsync(server, tenant, "wsdl", work, "-nologo", "-out:IpsApiProxy.cs", wsdl);
            var compile = await ScriptRun.StartAsync(server, tenant, "mcs", work,
                "-nologo", "-warnaserror+", "-out:client.exe", "-r:System.Web.Services.dll", "IpsApiProxy.cs",
                Path.Combine(RepoPaths.Interop, "mono", "WsdlClient.cs"));
            var run = await ScriptRun.StartTourAsync(server, tenant, "mono", work, "client.exe");

            // The tool reports what it could not map (and WS-I Basic Profile breaches) as warnings on its output.
            Assert.True(generate.ExitCode == 0 && generate.Errors.Length == 0, generate.ToString());
            Assert.Equal(["Writing file 'IpsApiProxy.cs'"], generate.Lines);
            var proxy = await File.ReadAllTextAsync(Path.Combine(work, "IpsApiProxy.cs"));
            foreach (var operation in Calls.OperationBodies.Operations)
            {
                Assert.Contains($"public void {operation}Async(", proxy, StringComparison.Ordinal);
            }

            Assert.True(compile.ExitCode == 0 && compile.Output.Length == 0 && compile.Errors.Length == 0, compile.ToString());
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"ok submitJob {tenant.CompanyHandle}|mono wsdl ", run.Output, StringComparison.Ordinal);
            Assert.Contains(run.Lines, l => l.StartsWith("ok getJobLogs mono wsdl ", StringComparison.Ordinal));
            Assert.Contains($"ok getCompanyInfo {tenant.CompanyHandle} {tenant.CompanyName}/", run.Lines);
            Assert.Contains("ok checkLogin ValidLogin InvalidLogin", run.Lines);
            Assert.Contains("ok getCompanySettings Europe/Berlin", run.Lines);
            foreach (var operation in CompanyAndFolderOperations)
            {
                Assert.Contains(run.Lines, l => l.StartsWith($"ok {operation}", StringComparison.Ordinal));
            }

            Assert.Contains("fault getCompanyInfo soapenv:Client AuthorizationException authorizationFault 20006 "
                + "Illegal company: the user is not a member of company No Such Company", run.Lines);
            Assert.Contains("fault createFolder soapenv:Client ipsApiFault ipsApiFault 30001 "
                + "Invalid parameter folderPath: 'products/../../escape' ('..' is not allowed)", run.Lines);
            Assert.Contains("fault submitJob soapenv:Client ipsApiFault ipsApiFault 30002 Missing required parameter: jobName", run.Lines);
            Assert.Contains("fault submitJob soapenv:Client ipsApiFault ipsApiFault 30001 Invalid parameter exportJob/assetHandleArray/items[0]: "
                + "'a|another-company|1' is an asset handle of another company", run.Lines);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
