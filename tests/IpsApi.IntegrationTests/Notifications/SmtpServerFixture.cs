using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IpsApi.IntegrationTests.Infrastructure;
using MimeKit;

namespace IpsApi.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (package python3-aiosmtpd, installed by ./ipsapi) with its
/// Mailbox handler, which stores every message it accepts in a Maildir. It can be stopped and started again
/// on the same port, to play an SMTP outage.
/// </summary>
public sealed class SmtpServerFixture : IAsyncDisposable
{
    private static readonly string[] MaildirFolders = ["new", "cur"];

    private readonly StringBuilder _output = new();
    private Process? _process;

    private SmtpServerFixture(string maildir, int port)
    {
        Maildir = maildir;
        Port = port;
    }

    public string Maildir { get; }

    public int Port { get; }

    /// <summary>A server on a free loopback port, not started yet.</summary>
    public static SmtpServerFixture Create()
    {
        var maildir = Path.Combine(Path.GetTempPath(), $"ipsapi-smtp-{Guid.NewGuid():N}");
        return new SmtpServerFixture(maildir, FreePort());
    }

    public static async Task<SmtpServerFixture> StartAsync()
    {
        var server = Create();
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The SMTP server is already running.");
        }

        // Debian's interpreter: a python3 earlier on PATH (pyenv, venv) does not see Debian's modules.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsConnectionsAsync(cancellationToken))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await StopAsync();
                throw new InvalidOperationException(
                    $"aiosmtpd did not start on port {Port} (is python3-aiosmtpd installed? ./ipsapi test installs it): {Output}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Every message in the Maildir (aiosmtpd moves each into new/ complete, so none is half-written).</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = MaildirFolders
            .Select(folder => Path.Combine(Maildir, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Order(StringComparer.Ordinal);
        return files.Select(file => MimeMessage.Load(file)).ToList();
    }

    public Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, int timeoutSeconds = 60) =>
        Eventually.WaitAsync(() => Task.FromResult(Messages()), m => m.Count >= count, $"{count} message(s) in {Maildir}", timeoutSeconds);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
