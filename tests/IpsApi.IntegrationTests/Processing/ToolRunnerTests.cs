using System.Diagnostics;
using IpsApi.Assets.Processing;

namespace IpsApi.IntegrationTests.Processing;

public sealed class ToolRunnerTests
{
    [Fact]
    public async Task A_tool_that_hangs_is_killed_at_the_timeout_and_the_file_refused()
    {
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => ToolRunner.RunAsync("sleep", "sleep", ["30"], TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("did not finish within 1 seconds", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_kills_the_tool()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ToolRunner.RunAsync("sleep", "sleep", ["30"], TimeSpan.FromMinutes(1), cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Arguments_reach_the_tool_verbatim_without_a_shell()
    {
        var result = await ToolRunner.RunAsync(
            "printf", "printf", ["%s|", "$(id)", "a b", "; rm -rf /", "*"], TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal("$(id)|a b|; rm -rf /|*|", result.Stdout);
    }

    [Fact]
    public async Task Output_beyond_the_limit_is_dropped()
    {
        var result = await ToolRunner.RunAsync(
            "head", "head", ["-c", "100000", "/dev/zero"], TimeSpan.FromSeconds(10), CancellationToken.None, maxStdoutChars: 10);

        Assert.Equal(10, result.Stdout.Length);
        Assert.True(result.StdoutTruncated);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_missing_tool_is_a_server_error_that_says_how_to_fix_it()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ToolRunner.RunAsync("/nonexistent/pdftoppm", "pdftoppm", [], TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains("APT_PACKAGES", e.Message);
    }
}
