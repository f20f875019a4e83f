using System.Globalization;

namespace IpsApi.Bench.Jobs;

/// <summary>The command line of 'bench jobs', with defaults that fit a run of about ten minutes.</summary>
public sealed record JobsOptions(
    int Seconds, int Clients, int DispatchJobs, int DrainJobs, int Threads, IReadOnlySet<string> Parts, string ResultsPath,
    string AdminConnectionString, IReadOnlyList<string> Arguments)
{
    public static readonly string[] AllParts = ["submit", "dispatch", "drain"];

    /// <summary>
    /// A backlog of 10,000 takes at this server's drain speed far past the 10 minutes the whole benchmark should take,
    /// so the default is smaller; '--drain-jobs 10000' gives the larger figure.
    /// </summary>
    public const int DefaultDrainJobs = 2500;

    public const string Usage =
        """
        Usage: ./ipsapi bench jobs [--seconds N] [--clients N] [--dispatch-jobs N] [--drain-jobs N] [--only PART,...]

          jobs              submitJob throughput and latency against a bare Kestrel+Npgsql endpoint; dispatch latency
                            and the drain of a backlog against plain Quartz 4 on the same PostgreSQL; two nodes
                            against one; the server's memory under the submit load
          --seconds N       length of each submit load (default 60)
          --clients N       concurrent submitJob clients (default 16)
          --dispatch-jobs N jobs submitted one at a time for the dispatch latency (default 1000)
          --drain-jobs N    backlog for the drain (default 2500; 10000 takes longer)
          --threads N       Quartz threads of plain Quartz (default 4, the server's IPSAPI_SCHEDULER__MAXCONCURRENTRUNS)
          --only P,...      only these parts: submit, dispatch, drain (default all)
          --results P       where the table is recorded (default bench/RESULTS.md; only a run of all parts records)
        """;

    public static JobsOptions Parse(IReadOnlyList<string> args)
    {
        var (seconds, clients, dispatch, drain, threads) = (60, 16, 1000, DefaultDrainJobs, 4);
        var parts = new HashSet<string>(AllParts);
        var results = Path.Combine("bench", "RESULTS.md");
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seconds": seconds = Positive(Value(), "--seconds"); break;
                case "--clients": clients = Positive(Value(), "--clients"); break;
                case "--dispatch-jobs": dispatch = Positive(Value(), "--dispatch-jobs"); break;
                case "--drain-jobs": drain = Positive(Value(), "--drain-jobs"); break;
                case "--threads": threads = Positive(Value(), "--threads"); break;
                case "--results": results = Value(); break;
                case "--only":
                    parts = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (parts.Count == 0 || parts.Any(p => !AllParts.Contains(p)))
                    {
                        throw new ArgumentException($"--only takes {string.Join(", ", AllParts)}");
                    }

                    break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        var admin = Environment.GetEnvironmentVariable("IPSAPI_BENCH_DB") is { Length: > 0 } db
            ? db
            : "Host=127.0.0.1;Port=55432;Username=ipsapi;Database=postgres";
        return new JobsOptions(seconds, clients, dispatch, drain, threads, parts, results, admin, args.ToArray());
    }

    public string Command => Arguments.Count == 0 ? "./ipsapi bench jobs" : $"./ipsapi bench jobs {string.Join(' ', Arguments)}";

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, not '{text}'");
}
