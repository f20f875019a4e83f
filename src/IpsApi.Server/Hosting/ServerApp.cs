using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Control;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Hosting;
using IpsApi.Jobs.JobTypes;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.JobTypes.UploadPost;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Retention;
using IpsApi.Jobs.Retention.Hosting;
using IpsApi.Jobs.Storage;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Delivery;
using IpsApi.Server.Operations;
using IpsApi.Server.Operations.Assets;
using IpsApi.Server.Operations.Companies;
using IpsApi.Server.Operations.Folders;
using IpsApi.Server.Operations.Jobs;
using IpsApi.Server.Ops.Logging;
using IpsApi.Server.Ops;
using IpsApi.Server.Soap;
using IpsApi.Server.Soap.Wsdl;
using IpsApi.Server.Upload;
using IpsApi.Wire;
using Microsoft.Extensions.Options;
using Serilog;
using SoapCore.Extensibility;
using SoapCore;

namespace IpsApi.Server.Hosting;

/// <summary>Builds the web host: services, the SOAP pipeline and the WSDL addresses.</summary>
public static class ServerApp
{
    /// <summary>
    /// The configured, not yet started application. Test and benchmark hosts pass extra settings, a log sink
    /// or services of their own (executors that only exist there) through <paramref name="extras"/>.
    /// </summary>
    public static WebApplication Build(string[] args, ServerExtras? extras = null)
    {
        var overrides = extras?.Settings;
        var logging = extras?.Logging;
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
        var problems = options.Validate()
            .Concat((builder.Configuration.GetSection(UploadOptions.Section).Get<UploadOptions>() ?? new UploadOptions()).Validate())
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        builder.Services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.Section));
        var listeners = new Listeners();
        builder.Services.AddSingleton(listeners);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            listeners.Bind(kestrel, options);
            // The gateway enforces the SOAP limit with a clear fault. Kestrel then reads and discards the rest of an
            // oversized body up to its own cap, so a client still sending reads that fault instead of a reset
            // connection; only bodies beyond the cap are cut off.
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.Soap.MaxRequestBytes * 4, 128L * 1024 * 1024);
            kestrel.AddServerHeader = false;
        });

        builder.Services.AddSerilog((services, logger) =>
        {
            LogSetup.Configure(logger, builder.Configuration);
            logging?.Invoke(logger);
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ServerTimeZone(options.ResolveTimeZone()));
        builder.Services.AddSingleton(_ => DatabaseConnections.CreateDataSource(options.Db));
        builder.Services.AddSingleton(_ => new DatabasePulse(options.Db));
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .PostConfigure(storage => storage.Root = string.IsNullOrWhiteSpace(storage.Root)
                ? Path.GetFullPath(Path.Combine(options.Data, "storage"))
                : Path.GetFullPath(storage.Root));
        builder.Services.AddIpsJobTables();
        builder.Services.AddIpsEngine(builder.Configuration, DatabaseConnections.WithTimeouts(options.Db));
        builder.Services.AddIpsNotifications(builder.Configuration);
        builder.Services.AddIpsAssets(builder.Configuration);
        builder.Services.PostConfigure<ExportOptions>(exports =>
            exports.PublicBaseUrl = string.IsNullOrWhiteSpace(exports.PublicBaseUrl) ? options.PublicUrl : exports.PublicBaseUrl);
        // Before the others: the cleaner takes the kinds in the order they are registered, the small ones first.
        builder.Services.AddSingleton<IRetentionKind, SignInFailureRetention>();
        builder.Services.AddIpsRetention(builder.Configuration);
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<JobControl>();
        builder.Services.AddSingleton<JobHandleResolver>();
        builder.Services.AddSingleton<JobReferenceCheck>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<Authenticator>();
        builder.Services.AddSingleton<CompanyAccess>();
        builder.Services.AddIpsWsdl(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSoapCore();
        builder.Services.AddSingleton<IFaultExceptionTransformer, IpsFaultTransformer>();
        builder.Services.AddIpsOperations();
        builder.Services.AddSingleton<JobReadFilters>();
        builder.Services.AddSingleton<JobSteering>();
        builder.Services.AddSingleton<FolderStore>();
        builder.Services.AddSingleton<FolderRequests>();
        builder.Services.AddIpsAssetOperations();
        builder.Services.AddSingleton<UserLookup>();
        builder.Services.AddIpsUploads();
        builder.Services.AddSharedKeyRing(builder.Configuration);
        builder.Services.AddIpsOps(builder.Configuration);
        builder.Services.AddIpsDelivery(builder.Configuration);
        extras?.Services?.Invoke(builder.Services);

        var app = builder.Build();
        // Built now, so that a WSDL whose version marks are wrong stops the server at start.
        app.Services.GetRequiredService<WsdlDocument>();
        // The listener check comes before authentication (which the host would otherwise put first): a dashboard
        // path on the main listener is not found, whether or not it would ask for a session.
        app.UseMiddleware<ListenerSeparation>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<SoapGateway>(SoapCoreBranch(app));
        app.MapIpsWsdl();
        app.MapIpsOps();
        app.MapIpsExports();
        app.MapIpsUploads();
        app.MapIpsDelivery();
        return app;
    }

    /// <summary>
    /// SoapCore in a pipeline of its own that only the gateway calls: no request from outside reaches it except
    /// through the gateway's reading, limits and authentication.
    /// </summary>
    private static SoapDispatch SoapCoreBranch(IApplicationBuilder app)
    {
        var branch = app.New();
        branch.UseSoapEndpoint<IIpsApi>(soap =>
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
        return new SoapDispatch(branch.Build());
    }

    /// <summary>Brings the database schema up to date; every node does this at start.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<Migrator>().ApplyAsync(cancellationToken);
        await SharedKeyRing.EnsureKeyAsync(app.Services, cancellationToken);
        if (app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Demo)
        {
            await DemoSeed.EnsureAsync(app.Services.GetRequiredService<AccountStore>(), cancellationToken);
        }
    }
}

/// <summary>What a test or benchmark host adds to the server it builds.</summary>
public sealed class ServerExtras
{
    public IDictionary<string, string?>? Settings { get; init; }

    public Action<LoggerConfiguration>? Logging { get; init; }

    /// <summary>Runs after the server's own registrations, so it may add or replace services (executors).</summary>
    public Action<IServiceCollection>? Services { get; init; }
}

/// <summary>Settings that stop the process at start, each said in one line.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
