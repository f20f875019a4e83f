using System.Diagnostics;
using System.Globalization;

namespace IpsApi.Bench.Jobs;

/// <summary>
/// A server under test in a process of its own (this program in its "node" or "bare" role): the load comes from
/// another process, as it would in production, and the server's memory can be read on its own.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, Uri address, Uri? opsAddress)
    {
        _process = process;
        Address = address;
        OpsAddress = opsAddress;
    }

    public Uri Address { get; }

    /// <summary>The dashboard's listener, when the child names one after its main address on its ready line.</summary>
    public Uri? OpsAddress { get; }

    public int Id => _process.Id;

    public static async Task<ChildProcess> StartAsync(string role, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add(role);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start the {role} process");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                if (line.StartsWith(BenchNode.ReadyLine, StringComparison.Ordinal))
                {
                    var addresses = line[BenchNode.ReadyLine.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var child = new ChildProcess(process, new Uri(addresses[0]), addresses.Length > 1 ? new Uri(addresses[1]) : null);
                    // Keep reading, so a chatty child never blocks on a full pipe.
                    _ = Task.Run(async () =>
                    {
                        while (await process.StandardOutput.ReadLineAsync() is { } more)
                        {
                            Console.Error.WriteLine($"  [{role}] {more}");
                        }
                    }, CancellationToken.None);
                    return child;
                }

                Console.Error.WriteLine($"  [{role}] {line}");
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        process.Dispose();
        throw new BenchmarkFailedException($"the {role} process ended before it was ready");
    }

    /// <summary>Resident memory of the process now, in MiB (VmRSS).</summary>
    public double RssMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
