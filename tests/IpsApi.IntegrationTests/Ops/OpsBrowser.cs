using System.Diagnostics;
using IpsApi.IntegrationTests.Interop;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// Debian's headless Chromium driven by playwright-core: runs one script of tests/ops-ui with its settings in the
/// environment and hands back its exit code and output (one "step: ..." line per step it saw happen).
/// </summary>
public static class OpsBrowser
{
    public static string Folder => Path.GetFullPath(Path.Combine(RepoPaths.Root, "tests", "ops-ui"));

    public static string Chromium => Environment.GetEnvironmentVariable("IPSAPI_CHROMIUM") ?? "/usr/bin/chromium";

    public static void AssertAvailable()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (./ipsapi test installs it)");
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")),
            $"run 'npm ci' in {Folder} (./ipsapi test does)");
    }

    public static async Task<(int Code, string Output)> RunAsync(string script, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["CHROMIUM"] = Chromium;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser script did not end within 4 minutes:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
