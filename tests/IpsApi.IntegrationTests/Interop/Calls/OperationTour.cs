using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.Interop.Calls;

/// <summary>
/// Calls every job operation once in one company, in an order that gives each a job in the state it acts on:
/// a scheduled job (paused, resumed, executed, then deleted), its finished run (read through the three log
/// operations) and a running job (seen by getActiveJobs, then stopped). How a call travels (envelope version,
/// namespace, endpoint) is the caller's: <c>call(operation, paramElement)</c> returns the Return element, having
/// checked it is an answer and not a fault.
/// </summary>
public sealed class OperationTour(ServerFixture server, TestTenant tenant, string ns, Func<string, string, Task<XElement>> call)
{
    private readonly XNamespace _ns = ns;

    public List<string> Called { get; } = [];

    public async Task RunAsync()
    {
        var company = tenant.CompanyHandle;

        var handle = Text(await CallAsync("submitJob", SubmitJob(ns, company, "scheduled", ImageServingPublish, FarFutureCron)), "jobHandle");
        Assert.Equal($"{company}|scheduled|", handle);

        var scheduled = Items(await CallAsync("getScheduledJobs", GetScheduledJobs(ns, company, handle)), "jobArray");
        Assert.Equal(handle, Text(Assert.Single(scheduled), "jobHandle"));
        Assert.Equal("Normal", Text(scheduled[0], "triggerState"));

        await CallAsync("pauseJob", ControlJob(ns, "pauseJob", company, handle));
        await CallAsync("resumeJob", ControlJob(ns, "resumeJob", company, handle));
        await CallAsync("executeJob", ControlJob(ns, "executeJob", company, handle));
        await server.WaitForRunAsync(tenant, "scheduled", r => r.EndedAt is not null);

        var logs = Items(await CallAsync("getJobLogs", GetJobLogs(ns, company)), "jobLogArray");
        Assert.Equal("scheduled", Text(Assert.Single(logs), "jobName"));
        var details = Items(await CallAsync("getJobLogDetails", GetJobLogDetails(ns, company, "scheduled")), "jobLogArray");
        Assert.NotEmpty(Assert.Single(details).Element(_ns + "detailArray")!.Elements(_ns + "items"));
        Assert.Empty(Items(await CallAsync("getAssetJobLogs", GetAssetJobLogs(ns, company, "a|never-named")), "jobLogArray"));

        await CallAsync("submitJob", SubmitJob(ns, company, "slow", SlowOptimizeImages));
        await server.WaitForRunAsync(tenant, "slow", r => r.State == "Running");
        var running = Assert.Single(Items(await CallAsync("getActiveJobs", GetActiveJobs(ns, company)), "jobArray"));
        Assert.Equal("slow", Text(running, "name"));
        await CallAsync("stopJob", ControlJob(ns, "stopJob", company, Text(running, "jobHandle")));
        // Wait for the stop to land, so no run of this test outlives it.
        await server.WaitForRunAsync(tenant, "slow", r => r.EndedAt is not null);

        await CallAsync("deleteJob", ControlJob(ns, "deleteJob", company, handle));
        Assert.Empty(Items(await CallAsync("getScheduledJobs", GetScheduledJobs(ns, company)), "jobArray"));

        Assert.Equal(OperationBodies.Operations.Order(), Called.Distinct().Order());
    }

    private Task<XElement> CallAsync(string operation, string body)
    {
        Called.Add(operation);
        return call(operation, body);
    }

    private List<XElement> Items(XElement returnElement, string array) =>
        returnElement.Element(_ns + array)?.Elements(_ns + "items").ToList()
        ?? throw new InvalidOperationException($"no {array} in {returnElement}");

    private string Text(XElement element, string name) =>
        (string?)element.Element(_ns + name) ?? throw new InvalidOperationException($"no {name} in {element}");
}
