namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>What every client script must print: each operation answered, and each fault read with its code and reason.</summary>
public static class ScriptExpectations
{
    public static void AssertEveryOperationAndFault(ScriptRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var operation in Calls.OperationBodies.Operations)
        {
            Assert.True(run.Lines.Any(l => l.StartsWith($"ok {operation}", StringComparison.Ordinal)), $"no 'ok {operation}' line\n{run}");
        }

        AssertLine(run, "fault submitJob soapenv:Client ipsApiFault ipsApiFault 30002 Missing required parameter: jobName");
        AssertLine(run, "fault getScheduledJobs soapenv:Client AuthorizationException authorizationFault 20006 Illegal company: the user is not a member of company no-such-company");
        AssertLine(run, "fault stopJob soapenv:Client ipsApiFault ipsApiFault 30001 Invalid parameter jobHandle: no job ");
        AssertLine(run, "fault getActiveJobs soapenv:Client AuthenticationException authenticationFault 10001 Invalid credentials");
        AssertLine(run, "fault getCompanyInfo soapenv:Client AuthorizationException authorizationFault 20006 Illegal company: the user is not a member of company No Such Company");
        AssertLine(run, "fault createFolder soapenv:Client ipsApiFault ipsApiFault 30001 Invalid parameter folderPath: 'products/../../escape' ('..' is not allowed)");
        AssertLine(run, "fault getAssetsByName soapenv:Client ipsApiFault ipsApiFault 30002 Missing required parameter: nameArray");
    }

    private static void AssertLine(ScriptRun run, string start) =>
        Assert.True(run.Lines.Any(l => l.StartsWith(start, StringComparison.Ordinal)), $"no line starting '{start}'\n{run}");
}
