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

    public Task StartAgainAsync() => AsOwnerAsync("pg_ctl",
    [
        "-D", DataDirectory, "-l", Path.Combine(_folder, "log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c max_connections=300 -c fsync=off", "start",
    ]);

    public async ValueTask DisposeAsync()
    {
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
