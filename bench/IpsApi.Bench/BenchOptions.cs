using System.Globalization;

namespace IpsApi.Bench;

/// <summary>A benchmark could not measure what it set out to (a run failed, a baseline download went wrong).</summary>
public sealed class BenchmarkFailedException(string message) : Exception(message);

/// <summary>The command line of a benchmark, with the defaults the recorded results were made with.</summary>
public sealed record BenchOptions(
    string Benchmark,
    int Images,
    int Parallel,
    int Clients,
    int Requests,
    long MinBytes,
    long MaxBytes,
    string ResultsPath,
    string AdminConnectionString,
    IReadOnlyList<string> Arguments,
    int BigFileGib = 0)
{
    public const string Usage =
        """
        Usage: ./ipsapi bench ingest [--images N] [--parallel N] [--results PATH]
               ./ipsapi bench upload [--images N] [--parallel N] [--big-file-gib N] [--results PATH]
               ./ipsapi bench delivery [--images N] [--clients N] [--requests N] [--results PATH]
               ./ipsapi bench optimize [--images N] [--results PATH]

          ingest        one uploadUrlsJob of N generated images (1-5 MB JPEG/PNG) from a loopback HTTP server,
                        against 'curl --parallel' downloading the same URLs, and against curl + 'vips tiffsave' by
                        hand (xargs -P N), in the same run
          upload        the same images POSTed to the UploadFile endpoint as one upload job over N connections,
                        against a bare Kestrel endpoint writing the same bodies to disk (MB/s, RSS), and the job's
                        time until every file is an asset against curl + 'vips tiffsave' by hand
          delivery      512-pixel JPEG renders by /is/image from published 24-megapixel pyramids, N clients at a
                        time, against libvips thumbnail of the same size from the same files in the same run
          optimize      one optimizeImagesJob over N generated JPEG images of 12-24 megapixels, against
                        'vips tiffsave --tile --pyramid --compression jpeg' on the same files in the same run,
                        one image at a time in both
          --images N    how many images (default 500 for ingest, 8 for delivery, 200 for optimize)
          --parallel N  ingest: downloads at a time, for the server (IPSAPI_DOWNLOADS__MAXPARALLEL) and for curl
                        (--parallel-max); upload: connections POSTing at a time; default 4, the server's default
          --big-file-gib N  upload: also POST one file of N GiB alone and read the server's RSS meanwhile
          --clients N   delivery: concurrent clients, and thumbnails at a time for the baseline (default 16)
          --requests N  delivery: renders each client asks for (default 50)
          --results P   where the table is recorded (default bench/RESULTS.md)

        The benchmark creates its own database on the PostgreSQL that IPSAPI_BENCH_DB names (the script points it
        at the private cluster) and drops it at the end.
        """;

    /// <summary>The server's default downloads at a time: what a user who changes nothing gets.</summary>
    public const int DefaultParallel = 4;

    public static IReadOnlyList<string> Benchmarks { get; } = ["ingest", "upload", "delivery", "optimize"];

    public static BenchOptions Parse(string benchmark, IReadOnlyList<string> args)
    {
        var images = benchmark switch { "delivery" => 8, "optimize" => 200, _ => 500 };
        var parallel = DefaultParallel;
        var bigFileGib = 0;
        var clients = 16;
        var requests = 50;
        var results = Path.Combine("bench", "RESULTS.md");
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--images":
                    images = Positive(Value(), "--images");
                    break;
                case "--parallel" when benchmark is "ingest" or "upload":
                    parallel = Positive(Value(), "--parallel");
                    break;
                case "--big-file-gib" when benchmark == "upload":
                    bigFileGib = Positive(Value(), "--big-file-gib");
                    break;
                case "--clients":
                    clients = Positive(Value(), "--clients");
                    break;
                case "--requests":
                    requests = Positive(Value(), "--requests");
                    break;
                case "--results":
                    results = Value();
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}' for {benchmark}");
            }
        }

        var admin = Environment.GetEnvironmentVariable("IPSAPI_BENCH_DB") is { Length: > 0 } db
            ? db
            : "Host=127.0.0.1;Port=55432;Username=ipsapi;Database=postgres";
        return new BenchOptions(benchmark, images, parallel, clients, requests, 1_000_000, 5_000_000, results, admin, args.ToArray(), bigFileGib);
    }

    /// <summary>The command as a user types it again to reproduce the figures.</summary>
    public string Command => Arguments.Count == 0 ? $"./ipsapi bench {Benchmark}" : $"./ipsapi bench {Benchmark} {string.Join(' ', Arguments)}";

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, not '{text}'");
}
