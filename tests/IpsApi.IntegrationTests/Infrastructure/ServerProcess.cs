using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// A server node as a separate process (tests/IpsApi.TestHost): what a test kills with SIGKILL or runs twice
/// to form a cluster. Its console output is kept for the failure message.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri address, Uri opsAddress)
    {
        _process = process;
        BaseAddress = address;
        OpsAddress = opsAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The node's dashboard listener.</summary>
    public Uri OpsAddress { get; }

    public Uri ServiceAddress => new(BaseAddress, "/scene7/services/IpsApiService");

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

    /// <summary>The process id, e.g. for reading its memory from /proc.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Resident set size of the node, from /proc (what the machine really gives it).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("no VmRSS in /proc status");
    }

    /// <summary>Open file descriptors of the node (sockets included).</summary>
    public int OpenFileDescriptors() => Directory.GetFiles($"/proc/{_process.Id}/fd").Length;

    /// <param name="host">The test host to run (default: this build's); <see cref="PreviousBuild"/> gives an earlier build's.</param>
    public static async Task<ServerProcess> StartAsync(
        string connectionString, string nodeName, string storageRoot, int? port = null, IReadOnlyDictionary<string, string>? environment = null,
        string? host = null)
    {
        port ??= FreePort();
        var opsPort = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(host ?? TestHostPath());
        info.ArgumentList.Add("serve");
        info.Environment["IPSAPI_DB"] = connectionString;
        info.Environment["IPSAPI_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["IPSAPI_OPS__URLS"] = $"http://127.0.0.1:{opsPort}";
        info.Environment["IPSAPI_SCHEDULER__NODENAME"] = nodeName;
        info.Environment["IPSAPI_SCHEDULER__CHECKININTERVALSECONDS"] = "2";
        info.Environment["IPSAPI_STORAGE__ROOT"] = storageRoot;
        info.Environment["IPSAPI_DATA"] = storageRoot;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the test host");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), new Uri($"http://127.0.0.1:{opsPort}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>Calls an operation as hand-written XML with the tenant's credentials; the Return element, or the test fails.</summary>
    public async Task<System.Xml.Linq.XElement> CallAsync(TestTenant tenant, string operation, string inner)
    {
        using var http = new HttpClient();
        var envelope = Envelopes.Soap11(tenant, $"<{operation}Param xmlns=\"{SoapResponse.Ips.NamespaceName}\">{inner}</{operation}Param>");
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        using var response = await http.PostAsync(ServiceAddress, content);
        var body = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        var answer = body.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();
        Assert.True(answer.Name == SoapResponse.Ips + $"{operation}Return", answer.ToString());
        return answer;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as a service manager stops a node: the server shuts down gracefully.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the test host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/scene7/webservice/IpsApi.wsdl"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the test host did not start serving within 60 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>tests/IpsApi.TestHost/bin/&lt;same configuration&gt;/net10.0/IpsApi.TestHost.dll.</summary>
    private static string TestHostPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);           // .../IpsApi.IntegrationTests/bin/Release/net10.0/
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var tests = here.Parent!.Parent!.Parent!.Parent!.FullName;        // .../tests
        var path = Path.Combine(tests, "IpsApi.TestHost", "bin", configuration, framework, "IpsApi.TestHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build tests/IpsApi.TestHost first", path);
    }
}
