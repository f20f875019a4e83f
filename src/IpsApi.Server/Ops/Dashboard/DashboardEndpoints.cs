using System.Globalization;
using System.Security.Claims;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Control;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;

namespace IpsApi.Server.Ops.Dashboard;

/// <summary>Who looks at the dashboard: an IpsAdmin sees every company (Companies null), a company admin their own.</summary>
public sealed record OpsViewer(long UserId, string Email, UserRole Role, IReadOnlyList<long>? Companies);

/// <summary>
/// /ops: sign-in with an IpsAdmin or IpsCompanyAdmin account (cookie session), the dashboard page, a run's log,
/// the control buttons (the same JobControl the SOAP operations use) and the small JSON endpoint the page polls.
/// Every form carries an antiforgery token, checked before anything changes.
/// </summary>
public static class DashboardEndpoints
{
    public const string Scheme = "IpsOps";
    public const string Path = "/ops";

    /// <summary>
    /// What every dashboard answer may load and do: its own script and stylesheet files, fetches and forms to
    /// itself, nothing inline, never inside a frame.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'";

    private static readonly UserRole[] AllowedRoles = [UserRole.IpsAdmin, UserRole.IpsCompanyAdmin];

    /// <summary>The buttons and the SOAP operation each one is: a button asks the role table that operation asks.</summary>
    private static readonly Dictionary<string, string> Operations = new(StringComparer.Ordinal)
    {
        ["stop"] = "stopJob",
        ["pause"] = "pauseJob",
        ["resume"] = "resumeJob",
        ["execute"] = "executeJob",
        ["delete"] = "deleteJob",
    };

    /// <summary>Set on every answer of the dashboard's listener (Hosting/ListenerSeparation.cs).</summary>
    public static void AddSecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        // As ASP.NET Core's antiforgery sets them on pages with a form: set here, it has nothing to override and
        // does not log a warning for every page view.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
    }

    public static IServiceCollection AddIpsDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardData>();
        services.AddSingleton<OpsSessions>();
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "ipsapi.ops";
            cookie.Cookie.Path = Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = $"{Path}/login";
            cookie.AccessDeniedPath = $"{Path}/login";
            cookie.ExpireTimeSpan = OpsSessions.IdleLimit;
            cookie.SlidingExpiration = true;
            // Every request asks the database whether the cookie's session still exists (sign-out ends it on every node).
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var live = Guid.TryParse(context.Principal?.FindFirstValue(OpsSessions.ClaimType), out var id)
                    && await context.HttpContext.RequestServices.GetRequiredService<OpsSessions>().TouchAsync(id, context.HttpContext.RequestAborted);
                if (!live)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
            };
            cookie.Events.OnRedirectToLogin = context =>
            {
                // The page's script gets a status it can act on, a person gets the login form.
                if (context.Request.Path.StartsWithSegments($"{Path}/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ipsapi.ops.csrf";
            antiforgery.Cookie.Path = Path;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.FormFieldName = "__csrf";
            antiforgery.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIpsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var ops = endpoints.MapGroup(Path);
        ops.MapGet(DashboardAssets.StylesheetPath[Path.Length..], (HttpContext context) => Asset(context, DashboardAssets.Css, "text/css; charset=utf-8"));
        ops.MapGet(DashboardAssets.ScriptPath[Path.Length..], (HttpContext context) => Asset(context, DashboardAssets.Script, "text/javascript; charset=utf-8"));
        ops.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? error) =>
            Html(DashboardPages.Login(antiforgery.GetAndStoreTokens(context).RequestToken!, error)));
        ops.MapPost("/login", LoginAsync);
        ops.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, OpsSessions sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("The form expired; reload the page.");
            }

            var signedIn = await context.AuthenticateAsync(Scheme);
            if (Guid.TryParse(signedIn.Principal?.FindFirstValue(OpsSessions.ClaimType), out var session))
            {
                await sessions.EndAsync(session, context.RequestAborted);
            }

            await context.SignOutAsync(Scheme);
            return Results.Redirect($"{Path}/login");
        });

        var secured = ops.MapGroup("").RequireAuthorization(policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        secured.MapGet("/", PageAsync);
        secured.MapGet("/runs/{runId:long}", RunPageAsync);
        secured.MapGet("/api/jobs", JobsJsonAsync);
        secured.MapPost("/jobs/{jobId:long}/{action}", ControlAsync);
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, Authenticator authenticator, OpsSessions sessions)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The form expired; reload the page and sign in again.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        User user;
        try
        {
            user = await authenticator.AuthenticateAsync(
                new AuthHeaderValues { User = form["email"].ToString(), Password = form["password"].ToString() }, null, context.RequestAborted);
        }
        catch (IpsFaultException)
        {
            return LoginFailed("Wrong email or password.");
        }

        if (!AllowedRoles.Contains(user.Role))
        {
            return LoginFailed("Only IpsAdmin and IpsCompanyAdmin accounts may use the dashboard.");
        }

        var session = await sessions.StartAsync(user.Id, context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Handle), new Claim(ClaimTypes.Name, user.Email), new Claim(OpsSessions.ClaimType, session.ToString())],
            Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(Path);

        static IResult LoginFailed(string why) => Results.Redirect($"{Path}/login?error={Uri.EscapeDataString(why)}");
    }

    /// <summary>
    /// The viewer as the database says now, not as the cookie said at sign-in: a user whose role changed or who
    /// was disabled loses the dashboard at once, and a company admin sees the companies they belong to today.
    /// </summary>
    private static async Task<OpsViewer?> ViewerAsync(HttpContext context, AccountStore accounts)
    {
        var handle = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = handle is null ? null : await accounts.FindUserByHandleAsync(handle, context.RequestAborted);
        if (user is null || !user.Active || !AllowedRoles.Contains(user.Role))
        {
            await context.SignOutAsync(Scheme);
            return null;
        }

        var companies = user.Role == UserRole.IpsAdmin ? null : await accounts.MemberCompanyIdsAsync(user.Id, context.RequestAborted);
        return new OpsViewer(user.Id, user.Email, user.Role, companies);
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, AccountStore accounts, DashboardData data, IAntiforgery antiforgery, string? message, string? error)
    {
        if (await ViewerAsync(context, accounts) is not { } viewer)
        {
            return Results.Redirect($"{Path}/login");
        }

        var cancellation = context.RequestAborted;
        var page = DashboardPages.Dashboard(
            viewer,
            antiforgery.GetAndStoreTokens(context).RequestToken!,
            await data.LastDayAsync(viewer.Companies, cancellation),
            await data.NodesAsync(viewer.Companies, cancellation),
            await data.OutboxAsync(viewer.Companies, cancellation),
            message,
            error);
        return Html(page);
    }

    private static async Task<IResult> RunPageAsync(
        HttpContext context, long runId, string? type, string? q, AccountStore accounts, DashboardData data, IAntiforgery antiforgery)
    {
        if (await ViewerAsync(context, accounts) is not { } viewer)
        {
            return Results.Redirect($"{Path}/login");
        }

        var cancellation = context.RequestAborted;
        if (await data.RunAsync(runId, viewer.Companies, cancellation) is not { } run)
        {
            return Results.NotFound();
        }

        return Html(DashboardPages.Run(
            viewer, antiforgery.GetAndStoreTokens(context).RequestToken!, run,
            await data.LogTypesAsync(runId, cancellation), await data.DetailsAsync(runId, type, q, cancellation), type, q));
    }

    /// <summary>What the page polls: runs in progress with their progress, scheduled and paused jobs, runs of the last day.</summary>
    private static async Task<IResult> JobsJsonAsync(HttpContext context, AccountStore accounts, DashboardData data, JobQueries queries)
    {
        if (await ViewerAsync(context, accounts) is not { } viewer)
        {
            return Results.Unauthorized();
        }

        var cancellation = context.RequestAborted;
        var filter = DashboardData.Filter(viewer.Companies);
        var active = await queries.ActiveAsync(filter, includeWaiting: true, cancellation);
        var scheduled = await queries.ScheduledAsync(filter, cancellation);
        var recent = await data.RecentRunsAsync(viewer.Companies, cancellation);
        return Results.Json(new
        {
            allowed = Operations.ToDictionary(o => o.Key, o => OperationRoles.IsAllowed(o.Value, viewer.Role)),
            active = active.Select(a => new
            {
                jobId = a.Job.JobId, runId = a.RunId, company = a.Job.CompanyHandle, name = a.Job.Name,
                type = a.Job.Type.ToString(), state = a.State, progress = a.Progress, message = a.ProgressMessage,
                server = a.ServerName, startedAt = a.StartDate, totalFiles = a.TotalFiles,
            }),
            scheduled = scheduled.Select(s => new
            {
                jobId = s.Job.JobId, company = s.Job.CompanyHandle, name = s.Job.Name, type = s.Job.Type.ToString(),
                schedule = s.ExecSchedule ?? "once", nextFire = s.NextFireTime, triggerState = s.TriggerState,
            }),
            recent = recent.Select(r => new
            {
                r.JobId, r.RunId, r.Company, name = r.JobName, type = r.JobType, r.State, r.StartedAt, r.EndedAt, server = r.ServerName,
                r.FileSuccess, r.FileError, r.FileWarning,
            }),
        });
    }

    /// <summary>The buttons: the same JobControl calls as stopJob, pauseJob, resumeJob, executeJob and deleteJob.</summary>
    private static async Task<IResult> ControlAsync(
        HttpContext context, long jobId, string action, IAntiforgery antiforgery, AccountStore accounts, DashboardData data, JobControl control,
        ILogger<JobControl> logger)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The form expired or did not come from the dashboard; reload the page and try again.");
        }

        if (await ViewerAsync(context, accounts) is not { } viewer)
        {
            return Results.Redirect($"{Path}/login");
        }

        if (!Operations.TryGetValue(action, out var operation))
        {
            return Results.NotFound();
        }

        if (!OperationRoles.IsAllowed(operation, viewer.Role))
        {
            logger.LogWarning("Dashboard: {User} ({Role}) may not {Operation}; job {JobId} left as it was", viewer.Email, viewer.Role, operation, jobId);
            return Back("error", $"Your role ({viewer.Role}) may not call {operation}.");
        }

        if (await data.JobAsync(jobId, viewer.Companies, context.RequestAborted) is not { } job)
        {
            return Back("error", $"Job {jobId} does not exist or is not one of your companies'.");
        }

        var cancellation = context.RequestAborted;
        try
        {
            switch (action)
            {
                case "stop":
                    await control.StopAsync(job, cancellation);
                    break;
                case "pause":
                    await control.PauseAsync(job, cancellation);
                    break;
                case "resume":
                    await control.ResumeAsync(job, cancellation);
                    break;
                case "execute":
                    await control.ExecuteAsync(job, cancellation);
                    break;
                case "delete":
                    await control.DeleteAsync(job, cancellation);
                    break;
                default:
                    return Results.NotFound();
            }
        }
        catch (JobControlException e)
        {
            return Back("error", e.Message);
        }

        logger.LogInformation("Dashboard: {User} asked to {Action} job {JobId} ({JobName})", viewer.Email, action, job.JobId, job.Name);
        return Back("message", $"{Capitalized(action)} requested for {job.Name}.");

        static IResult Back(string kind, string text) => Results.Redirect($"{Path}?{kind}={Uri.EscapeDataString(text)}");
    }

    private static string Capitalized(string action) =>
        string.Concat(action[..1].ToUpper(CultureInfo.InvariantCulture), action[1..]);

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    /// <summary>The stylesheet or the script: their addresses change with their text, so a browser may keep them.</summary>
    private static IResult Asset(HttpContext context, string text, string contentType)
    {
        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return Results.Content(text, contentType);
    }
}
