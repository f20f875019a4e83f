using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>One SOAP call made under load: when it started (from the load's start), how long it took, how it ended.</summary>
public sealed record CallSample(string Operation, TimeSpan StartedAt, TimeSpan Took, int? FaultCode, string? TransportError, string? JobName)
{
    public bool Ok => FaultCode is null && TransportError is null;
}

/// <summary>
/// Clients calling the SOAP endpoint in a loop until stopped, each call recorded: submitJob of quick jobs (their
/// names kept when acknowledged with a handle) mixed with getActiveJobs, getJobLogs and the control operations.
/// </summary>
public sealed class SoapLoad : IAsyncDisposable
{
    private readonly Func<int, Uri> _target;
    private readonly TestTenant _tenant;
    private readonly string _jobElement;
    private readonly string _prefix;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private int _sequence;

    public SoapLoad(Func<int, Uri> target, TestTenant tenant, int clients, string prefix, string jobElement = "<createVideoSitemapJob/>", bool submitOnly = false)
    {
        _target = target;
        _tenant = tenant;
        _jobElement = jobElement;
        _prefix = prefix;
        Clock = Stopwatch.StartNew();
        for (var client = 0; client < clients; client++)
        {
            var id = client;
            _workers.Add(Task.Run(() => WorkAsync(id, submitOnly)));
        }
    }

    public Stopwatch Clock { get; }

    public ConcurrentQueue<CallSample> Samples { get; } = new();

    /// <summary>Names of the jobs the server acknowledged with a handle.</summary>
    public IReadOnlyList<string> Acknowledged => [.. Samples.Where(s => s.Ok && s.JobName is not null).Select(s => s.JobName!)];

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task WorkAsync(int client, bool submitOnly)
    {
        var round = 0;
        while (!_stop.IsCancellationRequested)
        {
            round++;
            var n = Interlocked.Increment(ref _sequence);
            var name = $"{_prefix}-{n}";
            var (operation, body, jobName) = (submitOnly ? 0 : round % 4) switch
            {
                0 or 1 => ("submitJob", Envelopes.SubmitJobBody(_tenant.CompanyHandle, name, _jobElement), name),
                2 => ("getActiveJobs", $"<getActiveJobsParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{_tenant.CompanyHandle}</companyHandle></getActiveJobsParam>", (string?)null),
                _ => ("getJobLogs", $"<getJobLogsParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{_tenant.CompanyHandle}</companyHandle><numRows>20</numRows></getJobLogsParam>", null),
            };
            var started = Clock.Elapsed;
            int? fault = null;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _target(client))
                {
                    Content = new StringContent(Envelopes.Soap11(_tenant, body), Encoding.UTF8),
                };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
                using var response = await _http.SendAsync(request, CancellationToken.None);
                var answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var code = XDocument.Parse(answer).Descendants(XName.Get("code", Envelopes.Ips)).FirstOrDefault();
                fault = code is null ? null : (int)code;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Xml.XmlException)
            {
                error = e.GetType().Name + ": " + e.Message;
            }

            Samples.Enqueue(new CallSample(operation, started, Clock.Elapsed - started, fault, error, jobName));
            if (error is not null)
            {
                await Task.Delay(100, CancellationToken.None); // a node being restarted: do not spin
            }
        }
    }
}
