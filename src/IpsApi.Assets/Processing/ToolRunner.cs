using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace IpsApi.Assets.Processing;

/// <summary>What a finished tool run left behind.</summary>
/// <param name="StdoutTruncated">Standard output reached its limit; the rest was not kept.</param>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr, bool StdoutTruncated);

/// <summary>
/// Starts the external tools (poppler, ffmpeg) with an argument list, never a shell, so nothing in a file
/// name or option is ever interpreted. Output is captured up to a limit, the run is bounded by a timeout, and
/// cancellation or the timeout kill the whole process tree.
/// </summary>
internal static class ToolRunner
{
    /// <summary>Stderr is for diagnostics only; a tool that writes endless warnings must not fill memory.</summary>
    private const int MaxStderrChars = 16 * 1024;

    /// <param name="tool">Short tool name for messages ("pdftoppm"); never a path.</param>
    /// <param name="maxStdoutChars">How much standard output to keep.</param>
    /// <param name="stopWhenStdoutFull">End the tool once <paramref name="maxStdoutChars"/> is reached and
    /// report success (for pdftotext, whose remaining text is not wanted).</param>
    public static async Task<ToolResult> RunAsync(
        string executable,
        string tool,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken ct,
        int maxStdoutChars = 4 * 1024 * 1024,
        bool stopWhenStdoutFull = false)
    {
        ct.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Tool messages are parsed (pdfinfo's "Pages:"), so keep them out of the server's locale.
        startInfo.Environment["LC_ALL"] = "C.UTF-8";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            // A missing tool is the server's fault, not the file's: not a MediaRejectedException.
            throw new InvalidOperationException(
                $"{tool} could not be started from '{executable}' ({e.Message}); install it (see the APT_PACKAGES "
                + "line of ./ipsapi) or set its path under IpsApi:Processing.", e);
        }

        // Nothing reads stdin; closing it makes a tool that asks a question (ffmpeg "overwrite?") stop at once.
        process.StandardInput.Close();

        using var timeoutCts = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        using var stdoutFull = new CancellationTokenSource();

        var stdoutTask = ReadBoundedAsync(process.StandardOutput, maxStdoutChars, stopWhenStdoutFull ? stdoutFull : null);
        var stderrTask = ReadBoundedAsync(process.StandardError, MaxStderrChars, null);
        using var waitCts = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, stdoutFull.Token);
        try
        {
            await process.WaitForExitAsync(waitCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            // Let the readers finish on the closed pipes so nothing is left running in the background.
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            var (partial, truncated) = await stdoutTask.ConfigureAwait(false);
            var partialErr = (await stderrTask.ConfigureAwait(false)).Text;
            if (stdoutFull.IsCancellationRequested && !linked.IsCancellationRequested)
            {
                return new ToolResult(0, partial, partialErr, truncated);
            }

            ct.ThrowIfCancellationRequested();
            throw new MediaRejectedException(
                $"{tool} did not finish within {timeout.TotalSeconds:0} seconds",
                partialErr);
        }

        var (stdout, stdoutTruncated) = await stdoutTask.ConfigureAwait(false);
        var stderr = (await stderrTask.ConfigureAwait(false)).Text;
        return new ToolResult(process.ExitCode, stdout, stderr, stdoutTruncated);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the cancellation and the kill.
        }
    }

    /// <summary>Reads a stream to its end, keeping at most <paramref name="limit"/> characters; the rest is
    /// drained so the tool never blocks on a full pipe.</summary>
    private static async Task<(string Text, bool Truncated)> ReadBoundedAsync(
        StreamReader reader, int limit, CancellationTokenSource? signalWhenFull)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        var truncated = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            var room = limit - text.Length;
            if (room > 0)
            {
                text.Append(buffer, 0, Math.Min(room, read));
            }

            if (read > room && !truncated)
            {
                truncated = true;
                signalWhenFull?.Cancel();
            }
        }

        return (text.ToString(), truncated);
    }
}
