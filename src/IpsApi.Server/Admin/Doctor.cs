using System.Diagnostics;
using IpsApi.Assets.Processing;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Storage;
using IpsApi.Server.Hosting;
using IpsApi.Server.Ops.Health;
using Npgsql;

namespace IpsApi.Server.Admin;

/// <summary>
/// `admin doctor`: checks what the server needs on this machine, with the settings the server would use, and
/// prints one line per check and, under each problem, the fix. Exit code 1 when something the server cannot
/// work without is missing; an SMTP server that does not answer is a warning (emails wait in the outbox).
/// </summary>
public static partial class Doctor
{
    private enum Verdict
    {
        Ok,
        Warning,
        Problem,
    }

    /// <param name="Details">Further lines under the finding (the largest tables, say).</param>
    private sealed record Finding(Verdict Verdict, string Check, string What, string? Fix = null, IReadOnlyList<string>? Details = null);

    public static async Task<int> RunAsync(IConfiguration configuration, string? connectionString, TextWriter output)
    {
        var findings = new List<Finding>();
        findings.AddRange(await DatabaseAsync(configuration, connectionString));
        var processing = configuration.GetSection(ProcessingOptions.SectionName).Get<ProcessingOptions>() ?? new ProcessingOptions();
        findings.Add(await ToolAsync("pdftoppm", processing.PdftoppmPath, ["-v"], "poppler-utils", "PDFTOPPMPATH"));
        findings.Add(await ToolAsync("pdfinfo", processing.PdfinfoPath, ["-v"], "poppler-utils", "PDFINFOPATH"));
        findings.Add(await ToolAsync("pdftotext", processing.PdftotextPath, ["-v"], "poppler-utils", "PDFTOTEXTPATH"));
        findings.Add(await ToolAsync("ffmpeg", processing.FfmpegPath, ["-version"], "ffmpeg", "FFMPEGPATH"));
        findings.Add(await ToolAsync("ffprobe", processing.FfprobePath, ["-version"], "ffmpeg", "FFPROBEPATH"));
        findings.Add(Libvips());
        findings.Add(await StorageAsync(configuration));
        findings.Add(await SmtpAsync(configuration));
        findings.Add(KeyRing(configuration));

        foreach (var finding in findings)
        {
            var label = finding.Verdict switch { Verdict.Ok => "ok  ", Verdict.Warning => "warn", _ => "FAIL" };
            await output.WriteLineAsync($"{label}  {finding.Check,-10} {finding.What}");
            foreach (var detail in finding.Details ?? [])
            {
                await output.WriteLineAsync($"      {"",-10}   {detail}");
            }

            if (finding.Fix is not null)
            {
                await output.WriteLineAsync($"      {"",-10} fix: {finding.Fix}");
            }
        }

        var problems = findings.Count(f => f.Verdict == Verdict.Problem);
        var warnings = findings.Count(f => f.Verdict == Verdict.Warning);
        await output.WriteLineAsync(problems == 0 && warnings == 0
            ? "Everything the server needs is here."
            : $"{problems} problem(s), {warnings} warning(s).");
        return problems == 0 ? 0 : 1;
    }

    private static async Task<IEnumerable<Finding>> DatabaseAsync(IConfiguration configuration, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return [new Finding(Verdict.Problem, "database", "IPSAPI_DB is not set",
                "export IPSAPI_DB='Host=<host>;Port=5432;Username=<user>;Password=<password>;Database=ipsapi' (./ipsapi sets it for its private cluster)")];
        }

        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return [new Finding(Verdict.Problem, "database", $"IPSAPI_DB is not a connection string: {e.Message}",
                "write it as Host=...;Port=...;Username=...;Password=...;Database=...")];
        }

        // Said by host, port and database only: the connection string may hold a password.
        var where = $"{settings.Host}:{settings.Port}, database {settings.Database}";
        settings.Timeout = 5;
        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        string version;
        try
        {
            await using var command = dataSource.CreateCommand("show server_version");
            version = (string)(await command.ExecuteScalarAsync())!;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return [new Finding(Verdict.Problem, "database", $"cannot reach PostgreSQL at {where}: {e.Message}",
                "start PostgreSQL (./ipsapi db-start for the private cluster), or correct host, port, user, password and database in IPSAPI_DB")];
        }

        var database = new Finding(Verdict.Ok, "database", $"PostgreSQL {version} at {where}");
        try
        {
            var current = await new Migrator(dataSource).IsCurrentAsync();
            if (!current)
            {
                return [database, new Finding(Verdict.Problem, "schema", "the schema is behind this version",
                    "start the server once (every node applies the migrations at start), or run any 'ipsapi admin' command such as 'admin company list'")];
            }

            return [database, new Finding(Verdict.Ok, "schema", $"{Migrator.Migrations.Count} migrations applied"),
                .. await HistoryAsync(configuration, dataSource)];
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [database, new Finding(Verdict.Problem, "schema", "the database has no schema yet",
                "start the server once, or run 'ipsapi admin company list': both create it")];
        }
    }

    private static async Task<Finding> ToolAsync(string name, string path, string[] versionArguments, string package, string setting)
    {
        var fix = $"apt-get install -y {package} (or set IPSAPI_PROCESSING__{setting} to where {name} is)";
        try
        {
            var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in versionArguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            // poppler prints its version on standard error, ffmpeg on standard output.
            var first = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            return process.ExitCode == 0
                ? new Finding(Verdict.Ok, name, first)
                : new Finding(Verdict.Problem, name, $"{path} exits with {process.ExitCode}: {first}", fix);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new Finding(Verdict.Problem, name, $"{path} not found", fix);
        }
        catch (OperationCanceledException)
        {
            return new Finding(Verdict.Problem, name, $"{path} did not answer within 10 s", fix);
        }
    }

    private static Finding Libvips()
    {
        const string fix = "the libvips that NetVips.Native ships did not load: apt-get install -y libvips42 (libvips42t64 on Ubuntu 24.04)";
        try
        {
            return NetVips.ModuleInitializer.VipsInitialized
                ? new Finding(Verdict.Ok, "libvips", $"libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)} loaded")
                : new Finding(Verdict.Problem, "libvips", $"libvips did not load: {NetVips.ModuleInitializer.Exception?.Message}", fix);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return new Finding(Verdict.Problem, "libvips", $"libvips did not load: {e.Message}", fix);
        }
    }

    private static async Task<Finding> StorageAsync(IConfiguration configuration)
    {
        var root = StorageRoot(configuration);
        var fix = $"mkdir -p '{root}' and give the server's user write access to it, or point IPSAPI_STORAGE__ROOT at a writable (shared) folder";
        var probe = Path.Combine(root, $".doctor-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(root);
            await File.WriteAllTextAsync(probe, "ok");
            File.Delete(probe);
            var free = new DriveInfo(root).AvailableFreeSpace;
            return new Finding(Verdict.Ok, "storage", $"{root} is writable, {free / (1024 * 1024 * 1024.0):0.0} GiB free");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new Finding(Verdict.Problem, "storage", $"cannot write to {root}: {e.Message}", fix);
        }
    }

    /// <summary>The server's rule: IpsApi:Storage:Root, else storage/ under the data folder.</summary>
    private static string StorageRoot(IConfiguration configuration)
    {
        var configured = configuration[$"{StorageOptions.Section}:Root"];
        var data = configuration[$"{ServerOptions.Section}:Data"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(string.IsNullOrWhiteSpace(data) ? ".data" : data, "storage")
            : configured);
    }

    private static Finding KeyRing(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration[$"{DataProtectionSettings.Section}:Secret"])
            ? new Finding(Verdict.Warning, "keyring", "the dashboard's cookie keys are stored unencrypted in PostgreSQL (data_protection_keys)",
                "set IPSAPI_DATAPROTECTION__SECRET to the same long random text on every node")
            : new Finding(Verdict.Ok, "keyring", "the dashboard's cookie keys are encrypted with IPSAPI_DATAPROTECTION__SECRET");

    private static async Task<Finding> SmtpAsync(IConfiguration configuration)
    {
        var smtp = new SmtpOptions();
        configuration.GetSection(NotificationOptions.SmtpSection).Bind(smtp);
        if (!smtp.HasHost)
        {
            var data = configuration[$"{ServerOptions.Section}:Data"];
            return new Finding(Verdict.Ok, "smtp", $"no SMTP host: emails are written as .eml files to {Path.GetFullPath(Path.Combine(string.IsNullOrWhiteSpace(data) ? ".data" : data, "mail"))}"
                + " (set IPSAPI_SMTP__HOST to send them)");
        }

        var port = SmtpProbe.PortOf(smtp);
        var problem = await SmtpProbe.ProblemAsync(smtp.Host!, port, smtp.Security == SmtpSecurity.SslOnConnect || port == 465,
            TimeSpan.FromSeconds(5), CancellationToken.None);
        return problem is null
            ? new Finding(Verdict.Ok, "smtp", $"{smtp.Host}:{port} answers")
            : new Finding(Verdict.Warning, "smtp", $"{smtp.Host}:{port}: {problem}",
                "check IPSAPI_SMTP__HOST and IPSAPI_SMTP__PORT and that this machine may reach the server; until then emails wait in the outbox and are retried");
    }
}
