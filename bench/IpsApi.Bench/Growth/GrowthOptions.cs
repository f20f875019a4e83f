using System.Globalization;

namespace IpsApi.Bench.Growth;

/// <summary>The command line of 'bench growth'.</summary>
public sealed record GrowthOptions(
    double Scale, int Clients, int Seconds, bool Keep, string? Reuse, string ResultsPath, string AdminConnectionString, IReadOnlyList<string> Arguments)
{
    public const string Usage =
        """
        Usage: ./ipsapi bench growth [--scale F] [--clients N] [--seconds N] [--keep] [--reuse DATABASE] [--results PATH]

          growth        the reads of job logs, active and scheduled jobs and the dashboard on a database holding a
                        long history (100,000 jobs, 1,000,000 runs, 10,000,000 log details across 100 companies,
                        loaded with COPY), against the same calls on a database holding only the present (the same
                        companies, users, scheduled and running jobs) in the same run; then one cleaner pass over a
                        day's expired history and its effect on the latency of concurrent submits
          --scale F     the history's size as a fraction of the one above (default 1; 0.1 for a quicker look)
          --clients N   concurrent clients of each call (default 16)
          --seconds N   how long each call is measured, after a warm-up (default 15)
          --keep        keep the database with the history (its name is printed) instead of dropping it
          --reuse DB    measure on a database kept by an earlier --keep instead of loading a new history
          --results P   where the table is recorded (default bench/RESULTS.md)
        """;

    public static GrowthOptions Parse(IReadOnlyList<string> args)
    {
        var (scale, clients, seconds, keep) = (1.0, 16, 15, false);
        string? reuse = null;
        var results = Path.Combine("bench", "RESULTS.md");
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--scale":
                    var text = Value();
                    scale = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 10
                        ? s
                        : throw new ArgumentException($"--scale needs a number above 0 and at most 10, not '{text}'");
                    break;
                case "--clients": clients = Positive(Value(), "--clients"); break;
                case "--seconds": seconds = Positive(Value(), "--seconds"); break;
                case "--keep": keep = true; break;
                case "--reuse": reuse = Value(); break;
                case "--results": results = Value(); break;
                default: throw new ArgumentException($"unknown option '{args[i]}' for growth");
            }
        }

        var admin = Environment.GetEnvironmentVariable("IPSAPI_BENCH_DB") is { Length: > 0 } db
            ? db
            : "Host=127.0.0.1;Port=55432;Username=ipsapi;Database=postgres";
        return new GrowthOptions(scale, clients, seconds, keep, reuse, results, admin, args.ToArray());
    }

    public string Command => Arguments.Count == 0 ? "./ipsapi bench growth" : $"./ipsapi bench growth {string.Join(' ', Arguments)}";

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, not '{text}'");
}
