using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IpsApi.Server.Ops.Metrics;

/// <summary>
/// SOAP and plain-XML calls by operation and outcome, with their latency: fed from the gateway's one log line per
/// call, so the metrics and the request log always agree.
/// </summary>
public static class SoapMetrics
{
    public const string MeterName = "IpsApi.Soap";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("ipsapi.soap.requests", "{request}", "SOAP calls by operation and outcome (ok, or the fault code)");

    private static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("ipsapi.soap.request.duration", "s", "Time from reading the request to the answer being ready",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <param name="operation">The body element's operation; "(unread)" when the request could not be read.</param>
    /// <param name="faultCode">Null for an answer, else the IPS fault code (a small, fixed set).</param>
    public static void Call(string endpoint, string operation, int? faultCode, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "endpoint", endpoint },
            { "operation", operation },
            { "outcome", faultCode is null ? "ok" : "fault" },
            { "fault_code", faultCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" },
        };
        Requests.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
    }
}
