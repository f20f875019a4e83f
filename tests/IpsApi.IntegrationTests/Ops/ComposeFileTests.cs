using System.Diagnostics;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// docker-compose.yml as `docker-compose config` reads it: valid, and shaped as docs/OPERATIONS.md promises. Where no
/// compose client is installed the check has nothing to run (`./ipsapi test` installs one).
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task The_compose_file_is_valid_and_runs_two_nodes_on_one_database_and_one_storage_volume()
    {
        if (FindOnPath("docker-compose") is not { } compose)
        {
            return;
        }

        var (code, config, errors) = await RunAsync(compose, "-f", ComposeFile(), "config");
        Assert.True(code == 0, errors);

        var (_, services, _) = await RunAsync(compose, "-f", ComposeFile(), "config", "--services");
        Assert.Equal(["db", "mailpit", "node1", "node2"], services.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        // Distinct node names, one database, one storage volume for both, a health check and a restart policy each.
        Assert.Contains("IPSAPI_SCHEDULER__NODENAME: node1", config, StringComparison.Ordinal);
        Assert.Contains("IPSAPI_SCHEDULER__NODENAME: node2", config, StringComparison.Ordinal);
        Assert.Equal(2, Count(config, "IPSAPI_DB: Host=db;"));
        Assert.Equal(2, Count(config, "- storage:/data/storage"));
        Assert.Equal(2, Count(config, "http://127.0.0.1:8080/health/ready"));
        Assert.Equal(2, Count(config, "IPSAPI_SMTP__HOST: mailpit"));
        Assert.Equal(4, Count(config, "restart: unless-stopped"));
        // The dashboard on a listener of its own, published on the host's loopback only, never on the SOAP/delivery port.
        Assert.Equal(2, Count(config, "IPSAPI_OPS__URLS: http://0.0.0.0:8090"));
        Assert.Contains("- 127.0.0.1:8090:8090", config, StringComparison.Ordinal);
        Assert.Contains("- 127.0.0.1:8091:8090", config, StringComparison.Ordinal);
        // One secret for the key ring both nodes share, so a dashboard cookie made by one is read by the other.
        Assert.Equal(2, Count(config, "IPSAPI_DATAPROTECTION__SECRET: change-me-to-a-long-random-text"));
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string ComposeFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "docker-compose.yml");
            if (File.Exists(candidate) && File.Exists(Path.Combine(folder.FullName, "IpsApi.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docker-compose.yml not found above the test folder");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
