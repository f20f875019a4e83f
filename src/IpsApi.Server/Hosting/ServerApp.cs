using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap;
using IpsApi.Wire;
using Microsoft.Extensions.Options;
using Npgsql;
using Serilog;
using Serilog.Formatting.Compact;
using SoapCore;
using SoapCore.Extensibility;

namespace IpsApi.Server.Hosting;

/// <summary>Builds the web host: services, the SOAP pipeline and the WSDL addresses.</summary>
public static class ServerApp
{
    /// <summary>
    /// The configured, not yet started application. Tests pass extra settings in <paramref name="overrides"/>
    /// and may add a log sink of their own with <paramref name="logging"/>.
    /// </summary>
    public static WebApplication Build(
        string[] args, IDictionary<string, string?>? overrides = null, Action<LoggerConfiguration>? logging = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddIpsApiEnvironment();
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        builder.Services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.Section));
        builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(options.Urls) ? $"http://127.0.0.1:{options.Port}" : options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The gateway enforces the SOAP limit with a clear fault; Kestrel's own cap only stops abuse beyond it.
            kestrel.Limits.MaxRequestBodySize = options.Soap.MaxRequestBytes * 4;
            kestrel.AddServerHeader = false;
        });

        builder.Services.AddSerilog((services, logger) =>
        {
            ConfigureLogging(logger, builder.Configuration);
            logging?.Invoke(logger);
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(options.Db) { Name = "ipsapi" }.Build());
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<Authenticator>();
        builder.Services.AddSingleton<CompanyAccess>();
        builder.Services.AddSingleton(_ => new WsdlDocument(WsdlDocument.DefaultPath));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSoapCore();
        builder.Services.AddSingleton<IFaultExceptionTransformer, IpsFaultTransformer>();
        builder.Services.AddScoped<IpsApiService>();

        var app = builder.Build();
        app.UseMiddleware<SoapGateway>();
        ((IApplicationBuilder)app).UseSoapEndpoint<IpsApiService>(soap =>
        {
            soap.Path = WsdlDocument.ServicePath;
            soap.EncoderOptions =
            [
                new SoapEncoderOptions { MessageVersion = System.ServiceModel.Channels.MessageVersion.Soap11 },
                new SoapEncoderOptions { MessageVersion = System.ServiceModel.Channels.MessageVersion.Soap12 },
            ];
            soap.SoapSerializer = SoapSerializer.XmlSerializer;
            soap.IndentXml = false;
            soap.OmitXmlDeclaration = true;
            soap.CaseInsensitivePath = true;
        });
        app.MapGet("/scene7/webservice/IpsApi.wsdl", (HttpContext context, WsdlDocument document) => document.WriteAsync(context));
        return app;
    }

    /// <summary>Brings the database schema up to date; every node does this at start.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<Migrator>().ApplyAsync(cancellationToken);
        if (app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Demo)
        {
            await DemoSeed.EnsureAsync(app.Services.GetRequiredService<AccountStore>(), cancellationToken);
        }
    }

    private static void ConfigureLogging(LoggerConfiguration logger, IConfiguration configuration)
    {
        logger.ReadFrom.Configuration(configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            // SoapCore logs every fault as an error; the gateway logs each call once, with its outcome.
            .MinimumLevel.Override("SoapCore", Serilog.Events.LogEventLevel.Fatal)
            .Enrich.FromLogContext();
        if (string.Equals(Environment.GetEnvironmentVariable("IPSAPI_LOG_FORMAT"), "json", StringComparison.OrdinalIgnoreCase))
        {
            logger.WriteTo.Console(new CompactJsonFormatter());
        }
        else
        {
            logger.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}");
        }
    }
}

/// <summary>Settings that stop the process at start, each said in one line.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
