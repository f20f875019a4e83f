using IpsApi.Server.Ops.Dashboard;

namespace IpsApi.Server.Hosting;

/// <summary>
/// First in the pipeline: the dashboard answers only on its own listeners, and those answer nothing else but
/// /health and /metrics (see <see cref="Listeners"/>). Every answer of a dashboard listener carries the
/// dashboard's security headers, error pages and redirects included.
/// </summary>
public sealed class ListenerSeparation(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var dashboardPath = path.StartsWithSegments(DashboardEndpoints.Path, StringComparison.OrdinalIgnoreCase);
        if (Listeners.IsOps(context))
        {
            DashboardEndpoints.AddSecurityHeaders(context.Response);
            if (!dashboardPath && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase))
            {
                return NotFound(context);
            }
        }
        else if (dashboardPath)
        {
            return NotFound(context);
        }

        return next(context);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Not found.", context.RequestAborted);
    }
}
