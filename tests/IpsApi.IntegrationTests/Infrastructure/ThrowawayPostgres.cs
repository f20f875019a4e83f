using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, its own port), for tests that stop the
/// database under a running server. The shared cluster is never stopped. As root, the server runs as the
/// `postgres` OS account, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private bool _frozen;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=ipsapi;Database=postgres";

    private string DataDirectory => Path.Combine(_folder, "data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, "bin"))
            .First(d => File.Exists(Path.Combine(d, "initdb")));
        var folder = Path.Combine(Path.GetTempPath(), $"ipsapi-pg-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        var cluster = new ThrowawayPostgres(bin, folder, FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:", folder]);
        }

        await cluster.AsOwnerAsync("initdb", ["-D", cluster.DataDirectory, "-U", "ipsapi", "--auth=trust", "-E", "UTF8", "--no-locale"]);
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>Stops the server (fast shutdown: sessions are cut, the port closes).</summary>
    public Task StopAsync() => AsOwnerAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);

    /// <summary>
    /// Freezes the server without stopping it (SIGSTOP to the postmaster, then to every process it started): the
    /// port stays open and sessions stay connected, but nothing answers, as when the database host hangs or the
    /// network path to it goes dead. The postmaster goes first so that it starts no new backend meanwhile.
    /// </summary>
    public async Task FreezeAsync()
    {
        var postmaster = PostmasterId();
        await RunAsync("kill", ["-STOP", postmaster]);
        await SignalChildrenAsync("-STOP", postmaster);
        _frozen = true;
    }

    /// <summary>Lets a frozen server run on (SIGCONT), its backends first and then the postmaster.</summary>
    public async Task ThawAsync()
    {
        var postmaster = PostmasterId();
        await SignalChildrenAsync("-CONT", postmaster);
        await RunAsync("kill", ["-CONT", postmaster]);
        _frozen = false;
    }

    public Task StartAgainAsync() => AsOwnerAsync("pg_ctl",
    [
        "-D", DataDirectory, "-l", Path.Combine(_folder, "log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c max_connections=300 -c fsync=off", "start",
    ]);

    public async ValueTask DisposeAsync()
    {
        if (_frozen)
        {
            await ThawAsync(); // a stopped process would not act on the shutdown signal
        }

        try
        {
            await AsOwnerAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "60", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The postmaster's process id: the first line of postmaster.pid in the data directory.</summary>
    private string PostmasterId() => File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First().Trim();

    /// <summary>pkill exits 1 when no process matched, which is no failure here.</summary>
    private static async Task SignalChildrenAsync(string signal, string parent)
    {
        using var process = Process.Start(new ProcessStartInfo("pkill", [signal, "-P", parent]) { WorkingDirectory = "/" })!;
        await process.WaitForExitAsync();
        if (process.ExitCode > 1)
        {
            throw new InvalidOperationException($"pkill {signal} -P {parent} failed with {process.ExitCode}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsOwnerAsync(string tool, IReadOnlyList<string> arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
