using System.Globalization;

namespace IpsApi.Bench.Search;

/// <summary>The command line of 'bench search'.</summary>
public sealed record SearchOptions(
    int Assets, int Folders, int Clients, int Seconds, IReadOnlySet<string> Parts, string ResultsPath, string AdminConnectionString,
    IReadOnlyList<string> Arguments)
{
    public static readonly string[] AllParts = ["byname", "folder", "subtree", "metadata"];

    public const string Usage =
        """
        Usage: ./ipsapi bench search [--assets N] [--folders N] [--clients N] [--seconds N] [--only PART,...]

          search            getAssetsByName of 100 names, searchAssets of one folder (a page of 100), searchAssets of a
                            subtree by name prefix and date range (sorted), searchAssetsByMetadata on one field: each
                            through the server with N clients beside the SQL statement it runs, run directly by Npgsql
          --assets N        generated asset rows (default 1000000), spread over --folders folders
          --folders N       folders holding them (default 10000, in 100 top folders)
          --clients N       concurrent clients (default 16)
          --seconds N       length of each measurement (default 20)
          --only P,...      only these parts: byname, folder, subtree, metadata (default all; only a run of all records)
          --results P       where the table is recorded (default bench/RESULTS.md)
        """;

    public static SearchOptions Parse(IReadOnlyList<string> args)
    {
        var (assets, folders, clients, seconds) = (1_000_000, 10_000, 16, 20);
        var parts = new HashSet<string>(AllParts);
        var results = Path.Combine("bench", "RESULTS.md");
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--assets": assets = Positive(Value(), "--assets"); break;
                case "--folders": folders = Positive(Value(), "--folders"); break;
                case "--clients": clients = Positive(Value(), "--clients"); break;
                case "--seconds": seconds = Positive(Value(), "--seconds"); break;
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

        if (folders < 100 || folders % 100 != 0 || assets < folders)
        {
            throw new ArgumentException("--folders needs a multiple of 100 (100 top folders), and --assets at least one asset a folder");
        }

        var admin = Environment.GetEnvironmentVariable("IPSAPI_BENCH_DB") is { Length: > 0 } db
            ? db
            : "Host=127.0.0.1;Port=55432;Username=ipsapi;Database=postgres";
        return new SearchOptions(assets, folders, clients, seconds, parts, results, admin, args.ToArray());
    }

    public string Command => Arguments.Count == 0 ? "./ipsapi bench search" : $"./ipsapi bench search {string.Join(' ', Arguments)}";

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, not '{text}'");
}
