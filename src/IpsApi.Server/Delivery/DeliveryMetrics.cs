using System.Diagnostics.Metrics;

namespace IpsApi.Server.Delivery;

/// <summary>What the delivery side served, on the "IpsApi.Delivery" meter (exported at /metrics).</summary>
public static class DeliveryMetrics
{
    public const string MeterName = "IpsApi.Delivery";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Bytes =
        Meter.CreateCounter<long>("ipsapi.delivered", "By", "Bytes of response bodies sent by /is/image and /is/content");

    private static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("ipsapi.delivery.requests", "{request}", "Delivery requests, by endpoint (image, content) and HTTP status");

    private static readonly Histogram<double> RenderDuration =
        Meter.CreateHistogram<double>("ipsapi.delivery.render.duration", "s", "Time spent rendering images from pyramids",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private static readonly Counter<long> Renditions =
        Meter.CreateCounter<long>("ipsapi.delivery.renditions", "{rendition}", "Images /is/image sent, by source: cache or render");

    private static readonly Counter<long> Refusals =
        Meter.CreateCounter<long>("ipsapi.delivery.refused", "{request}", "/is/image requests refused, by reason: client limit (429), render queue full (503)");

    public static void Rendition(bool fromCache) => Renditions.Add(1, new KeyValuePair<string, object?>("source", fromCache ? "cache" : "render"));

    public static void Refused(string reason) => Refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void Served(string endpoint, int status, long bytes)
    {
        Requests.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("status", status));
        if (bytes > 0)
        {
            Bytes.Add(bytes, new KeyValuePair<string, object?>("endpoint", endpoint));
        }
    }

    public static void Rendered(TimeSpan elapsed) => RenderDuration.Record(elapsed.TotalSeconds);
}
