using System.Diagnostics;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// The test host as an earlier commit of this repository builds it, for the upgrade tests: nodes of two builds on one
/// database. The commit's tree comes out of git (<c>git archive</c>) and is built once into
/// <c>.data/previous-builds/&lt;commit&gt;/</c>, which later runs reuse (a build cut short is started over). The
/// build takes about a minute on two cores, once per checkout.
/// </summary>
public static class PreviousBuild
{
    /// <summary>
    /// The earlier version: main just before the engine moved into Engine/ (its nodes store cron jobs under the first
    /// name of their Quartz job class, and know nothing of the migrations after it). Move it forward to the last
    /// released build when a release needs its own upgrade test.
    /// </summary>
    public const string Commit = "51ea24447f46498c02bf9c5fb21b1112135f172d";

    private static readonly Lazy<Task<string>> Host = new(() => Task.Run(() => BuildAsync(Commit)));

    /// <summary>The earlier build's IpsApi.TestHost.dll, built on first use, for <see cref="ServerProcess.StartAsync"/>.</summary>
    public static Task<string> TestHostAsync() => Host.Value;

    private static async Task<string> BuildAsync(string commit)
    {
        var root = RepositoryRoot();
        var builds = Directory.CreateDirectory(Path.Combine(root, ".data", "previous-builds")).FullName;
        var tree = Path.Combine(builds, commit);
        var host = Path.Combine(tree, "tests", "IpsApi.TestHost", "bin", "Release", "net10.0", "IpsApi.TestHost.dll");
        var done = Path.Combine(tree, ".built");
        // Two test runs of one checkout must not build into the same folder at once.
        await using var exclusive = await LockAsync(Path.Combine(builds, commit + ".lock"));
        if (File.Exists(done) && File.Exists(host))
        {
            return host;
        }

        if ((await RunAsync(root, "git", "cat-file", "-e", commit + "^{commit}")).ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The upgrade tests run the server as commit {commit} builds it, and this clone does not have that commit " +
                "(a shallow clone?): 'git fetch --unshallow' brings it.");
        }

        if (Directory.Exists(tree))
        {
            Directory.Delete(tree, recursive: true);
        }

        Directory.CreateDirectory(tree);
        await MustAsync(await RunAsync(root, "bash", "-c", $"git archive --format=tar {commit} | tar -x -C '{tree}'"), "git archive");
        await MustAsync(await RunAsync(tree, "dotnet", "build", "tests/IpsApi.TestHost/IpsApi.TestHost.csproj", "-c", "Release",
            "--nologo", "-v", "quiet", "-nodeReuse:false", "--disable-build-servers"), "dotnet build");
        await File.WriteAllTextAsync(done, commit);
        return host;
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(1000);
            }
        }
    }

    private static Task MustAsync((int ExitCode, string Output) result, string what) =>
        result.ExitCode == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException($"{what} of commit {Commit} failed ({result.ExitCode}):\n{result.Output}");

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // dotnet test hands its MSBuild settings down to the processes of the tests; the build of another tree must
        // not inherit them.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The checkout this test assembly was built from: .../tests/IpsApi.IntegrationTests/bin/&lt;configuration&gt;/&lt;framework&gt;/.</summary>
    private static string RepositoryRoot() =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
}
