using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using Serilog.Formatting;
using Serilog;

namespace IpsApi.Server.Ops.Logging;

/// <summary>
/// The server's Serilog setup. Levels and extra sinks come from the "Serilog" section of appsettings; on top:
/// the console, as text for a person or compact JSON for machines (IPSAPI_LOG_FORMAT=json), and optionally a
/// daily rolling file in the same format (IPSAPI_LOG__FILE). Events inside a run carry JobHandle, Company,
/// JobType and RunId from the runner's scope; Enrich.FromLogContext is what brings them into each event. Control
/// characters in every value are escaped (<see cref="ControlCharacterEscaper"/>), so a logged value never makes a line.
/// </summary>
public static class LogSetup
{
    public const string Section = "IpsApi:Log";

    private const string TextTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    // The file is read later and elsewhere: it carries the date and the properties a line belongs to.
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3} {Message:lj} {Properties:j}{NewLine}{Exception}";

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<LogOptions>() ?? new LogOptions();
        var json = string.Equals(Environment.GetEnvironmentVariable("IPSAPI_LOG_FORMAT") ?? settings.Format, "json", StringComparison.OrdinalIgnoreCase);
        logger.ReadFrom.Configuration(configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            // SoapCore logs every fault as an error; the gateway logs each call once, with its outcome.
            .MinimumLevel.Override("SoapCore", LogEventLevel.Fatal)
            // Quartz tells of every start-up step; what an operator needs of it (a failure) is a warning or worse.
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            // After FromLogContext, so the run's properties are escaped too.
            .Enrich.With<ControlCharacterEscaper>();
        if (json)
        {
            logger.WriteTo.Console(new CompactJsonFormatter());
        }
        else
        {
            logger.WriteTo.Console(outputTemplate: TextTemplate);
        }

        if (!string.IsNullOrWhiteSpace(settings.File))
        {
            ITextFormatter formatter = json ? new CompactJsonFormatter() : new MessageTemplateTextFormatter(FileTemplate);
            logger.WriteTo.File(formatter, Path.GetFullPath(settings.File),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: settings.RetainedFiles > 0 ? settings.RetainedFiles : null,
                fileSizeLimitBytes: settings.MaxFileBytes > 0 ? settings.MaxFileBytes : null,
                rollOnFileSizeLimit: true,
                // Several nodes may share a log folder: each node names its own file.
                shared: false);
        }

        return logger;
    }
}

/// <summary>Section "IpsApi:Log" (IPSAPI_LOG__FILE, ...).</summary>
public sealed class LogOptions
{
    /// <summary>text (default) or json; IPSAPI_LOG_FORMAT wins when set.</summary>
    public string Format { get; set; } = "text";

    /// <summary>Rolling log file, e.g. /var/log/ipsapi/node1-.log (the date goes before the extension); empty: console only.</summary>
    public string? File { get; set; }

    /// <summary>Files kept; older ones are deleted. 0: keep all.</summary>
    public int RetainedFiles { get; set; } = 14;

    /// <summary>A file that reaches this size rolls over to a new one the same day. 0: no limit.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;
}
