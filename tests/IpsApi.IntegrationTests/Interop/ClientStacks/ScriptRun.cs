using System.Diagnostics;
using IpsApi.IntegrationTests.AssetOperations;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>A client script of tests/interop run as its own process against the test server, and what it printed.</summary>
public sealed record ScriptRun(int ExitCode, string Output, string Errors)
{
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";

    /// <summary>
    /// Runs <paramref name="program"/> with the server's WSDL address, a company of the test's own (handle and name)
    /// and its user's credentials in IPSAPI_WSDL, IPSAPI_COMPANY, IPSAPI_COMPANY_NAME, IPSAPI_USER and IPSAPI_PASSWORD.
    /// </summary>
    public static Task<ScriptRun> StartAsync(
        ServerFixture server, TestTenant tenant, string program, string workingDirectory, params string[] arguments) =>
        StartAsync(server, tenant, program, workingDirectory, arguments, []);

    /// <summary>
    /// A client script that calls every operation: as <see cref="StartAsync(ServerFixture, TestTenant, string, string, string[])"/>,
    /// plus an IpsCompanyAdmin of the company in IPSAPI_ADMIN_USER and IPSAPI_ADMIN_PASSWORD for getCompanySettings,
    /// which the IPS API gives administrators only, and the assets of <see cref="AddTourAssetsAsync"/>.
    /// </summary>
    public static async Task<ScriptRun> StartTourAsync(
        ServerFixture server, TestTenant tenant, string program, string workingDirectory, params string[] arguments)
    {
        await AddTourAssetsAsync(server, tenant);
        var admin = await server.NewColleagueAsync(tenant, IpsApi.Jobs.Accounts.UserRole.IpsCompanyAdmin);
        return await StartAsync(server, tenant, program, workingDirectory, arguments,
            ("IPSAPI_ADMIN_USER", admin.Email), ("IPSAPI_ADMIN_PASSWORD", admin.Password));
    }

    /// <summary>
    /// The assets a script's asset operations act on, written through the server's store: tour/one.jpg and
    /// tour/two.jpg (64×48 images) and tour/doc.pdf.
    /// </summary>
    public static async Task AddTourAssetsAsync(ServerFixture server, TestTenant tenant)
    {
        await AssetSteps.AddAsync(server, tenant, "tour/one.jpg");
        await AssetSteps.AddAsync(server, tenant, "tour/two.jpg");
        await AssetSteps.AddAsync(server, tenant, "tour/doc.pdf", IpsApi.Assets.Store.AssetType.Pdf);
    }

    /// <param name="environment">More environment variables for the program (DEBUG=node-soap, say).</param>
    public static async Task<ScriptRun> StartAsync(
        ServerFixture server, TestTenant tenant, string program, string workingDirectory, IReadOnlyList<string> arguments,
        params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["IPSAPI_WSDL"] = new Uri(server.BaseAddress, "/scene7/webservice/IpsApi.wsdl").ToString();
        start.Environment["IPSAPI_COMPANY"] = tenant.CompanyHandle;
        start.Environment["IPSAPI_COMPANY_NAME"] = tenant.CompanyName;
        start.Environment["IPSAPI_USER"] = tenant.Email;
        start.Environment["IPSAPI_PASSWORD"] = tenant.Password;
        // Keep the checkout clean of __pycache__ folders.
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Generous: the scripts wait for runs like the tests do; a slow machine makes them slower, never red.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran for more than 3 minutes:\n{await output}\n{await errors}");
        }

        return new ScriptRun(process.ExitCode, await output, await errors);
    }
}
