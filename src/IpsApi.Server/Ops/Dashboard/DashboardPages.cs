using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Store;

namespace IpsApi.Server.Ops.Dashboard;

/// <summary>
/// The dashboard's HTML, written out on the server: plain pages, one stylesheet and one small script (the job
/// tables, refreshed from /ops/api/jobs), both files of their own. Everything that comes from the database goes
/// through <see cref="H"/>; no page has an inline script, style or event handler attribute.
/// </summary>
public static class DashboardPages
{
    public static string Login(string csrf, string? error) => Layout("Sign in", csrf, null, $"""
        <form class="login" method="post" action="{DashboardEndpoints.Path}/login">
          <h1>IPS job server</h1>
          <p>Sign in with an IpsAdmin or IpsCompanyAdmin account.</p>
          {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{H(error)}</p>")}
          <input type="hidden" name="__csrf" value="{H(csrf)}">
          <label>Email <input name="email" type="email" autocomplete="username" required autofocus></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">Sign in</button>
        </form>
        """, script: false);

    public static string Dashboard(
        OpsViewer viewer, string csrf, IReadOnlyList<HourBucket> lastDay, IReadOnlyList<(Quartz.ClusterNode Node, int OpenRuns)> nodes,
        IReadOnlyList<OutboxRow> outbox, string? message, string? error)
    {
        var body = new StringBuilder();
        if (message is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"message\" role=\"status\">{H(message)}</p>");
        }

        if (error is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{H(error)}</p>");
        }

        body.Append("""
            <section><h2>Jobs by state</h2><ul id="counts" class="counts"></ul></section>
            <section id="active"><h2>Running and waiting</h2>
              <table><thead><tr><th>Company</th><th>Job</th><th>Type</th><th>State</th><th>Progress</th><th>Node</th><th>Started</th><th></th></tr></thead>
              <tbody></tbody></table><p class="empty">Nothing is running.</p></section>
            <section id="scheduled"><h2>Scheduled and paused</h2>
              <table><thead><tr><th>Company</th><th>Job</th><th>Type</th><th>Schedule</th><th>Next fire</th><th>Trigger</th><th></th></tr></thead>
              <tbody></tbody></table><p class="empty">No scheduled jobs.</p></section>
            <section id="recent"><h2>Ended in the last 24 hours</h2>
              <table><thead><tr><th>Company</th><th>Job</th><th>Type</th><th>State</th><th>Files ok / errors / warnings</th><th>Node</th><th>Ended</th></tr></thead>
              <tbody></tbody></table><p class="empty">No runs ended in the last 24 hours.</p></section>
            """);
        body.Append("<section id=\"charts\"><h2>Last 24 hours</h2><div class=\"charts\">");
        body.Append(Chart("Runs ended per hour", lastDay, b => b.Done + b.Failed, "throughput"));
        body.Append(Chart("Failed runs per hour", lastDay, b => b.Failed, "failures"));
        body.Append("</div></section>");

        body.Append("<section id=\"nodes\"><h2>Cluster nodes</h2><table><thead><tr><th>Node</th><th>State</th><th>Last check-in</th><th>Check-in interval</th><th>Open runs</th></tr></thead><tbody>");
        foreach (var (node, openRuns) in nodes)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr data-node=\"{H(node.InstanceId)}\"><td>{H(node.InstanceId)}{(node.IsCurrentNode ? " <em>(this node)</em>" : "")}</td>"
                + $"<td class=\"state-{H(node.State.ToString())}\">{H(node.State.ToString())}</td><td>{Time(node.LastCheckInUtc)}</td>"
                + $"<td>{node.CheckInInterval?.TotalSeconds:0} s</td><td>{openRuns}</td></tr>");
        }

        body.Append("</tbody></table></section>");

        body.Append("<section id=\"outbox\"><h2>Outbox</h2>");
        if (outbox.Count == 0)
        {
            body.Append("<p>Every email and callback has been delivered.</p>");
        }
        else
        {
            body.Append("<table><thead><tr><th>State</th><th>Kind</th><th>Company</th><th>To</th><th>Attempts</th><th>Created</th><th>Next attempt</th><th>Last error</th></tr></thead><tbody>");
            foreach (var row in outbox)
            {
                var state = row.FailedAt is null ? "pending" : "failed";
                body.Append(CultureInfo.InvariantCulture,
                    $"<tr class=\"{state}\"><td>{state}</td><td>{H(row.Kind)}</td><td>{H(row.Company)}</td><td>{H(SecretFreeText.Of(row.Target))}</td>"
                    + $"<td>{row.Attempts}</td><td>{Time(row.CreatedAt)}</td><td>{(row.FailedAt is null ? Time(row.NextAttemptAt) : "given up")}</td>"
                    + $"<td>{H(SecretFreeText.Of(row.LastError ?? ""))}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</section>");
        return Layout("Operations", csrf, viewer, body.ToString(), script: true);
    }

    public static string Run(
        OpsViewer viewer, string csrf, RunHeader run, IReadOnlyList<(string LogType, int Count)> types, IReadOnlyList<RunDetail> details,
        string? type, string? text)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p><a href="{DashboardEndpoints.Path}">&larr; Dashboard</a></p>
            <h1>{H(run.InstanceName)}</h1>
            <dl class="facts">
              <dt>Company</dt><dd>{H(run.Company)}</dd><dt>Job</dt><dd>{H(run.JobName)}</dd><dt>Type</dt><dd>{H(run.JobType)}</dd>
              <dt>State</dt><dd id="run-state">{H(run.State)}</dd><dt>Progress</dt><dd>{run.Progress}% {H(run.ProgressMessage)}</dd>
              <dt>Node</dt><dd>{H(run.ServerName)}</dd><dt>Started</dt><dd>{Time(run.StartedAt)}</dd><dt>Ended</dt><dd>{Time(run.EndedAt)}</dd>
              <dt>Files</dt><dd>{run.FileSuccess} ok, {run.FileError} errors, {run.FileWarning} warnings</dd>
            </dl>
            <form class="filter" method="get">
              <label>Log type <select name="type"><option value="">all ({types.Sum(t => t.Count)})</option>
            """);
        foreach (var (logType, count) in types)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<option value=\"{H(logType)}\"{(logType == type ? " selected" : "")}>{H(logType)} ({count})</option>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
              </select></label>
              <label>Containing <input name="q" value="{H(text ?? "")}"></label>
              <button type="submit">Filter</button>
            </form>
            <table id="details"><thead><tr><th>Time</th><th>Log type</th><th>Asset</th><th>Message</th></tr></thead><tbody>
            """);
        foreach (var detail in details)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Time(detail.CreatedAt)}</td><td>{H(detail.LogType)}</td><td>{H(detail.AssetName ?? "")}</td><td>{H(detail.Message)}</td></tr>");
        }

        body.Append(CultureInfo.InvariantCulture, $"</tbody></table><p>{details.Count} record(s) shown (at most 500).</p>");
        return Layout(run.InstanceName, csrf, viewer, body.ToString(), script: false);
    }

    /// <summary>A bar per hour, as inline SVG: no chart library for 24 numbers.</summary>
    private static string Chart(string title, IReadOnlyList<HourBucket> buckets, Func<HourBucket, int> value, string id)
    {
        const int width = 480, height = 140, top = 16, bottom = 20;
        var highest = buckets.Count == 0 ? 0 : buckets.Max(value);
        var max = Math.Max(1, highest);
        var barWidth = (double)width / Math.Max(1, buckets.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<figure id=\"chart-{id}\"><figcaption>{H(title)}: {buckets.Sum(value)} in all, at most {highest} in an hour</figcaption>"
            + $"<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{H(title)}\">");
        for (var i = 0; i < buckets.Count; i++)
        {
            var count = value(buckets[i]);
            var barHeight = (height - top - bottom) * count / (double)max;
            var x = i * barWidth;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar {id}\" data-count=\"{count}\" x=\"{x + 1:0.#}\" y=\"{height - bottom - barHeight:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{barHeight:0.#}\">"
                + $"<title>{buckets[i].Hour.ToUniversalTime():HH}:00 UTC: {count}</title></rect>");
            if (i % 6 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x:0.#}\" y=\"{height - 4}\">{buckets[i].Hour.ToUniversalTime():HH}:00</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{width}\" y1=\"{height - bottom}\" y2=\"{height - bottom}\"/></svg></figure>");
        return svg.ToString();
    }

    private static string Layout(string title, string csrf, OpsViewer? viewer, string body, bool script)
    {
        var who = viewer is null ? "" : $"""
            <span>Signed in as {H(viewer.Email)} ({H(viewer.Role.ToString())}{(viewer.Role == UserRole.IpsAdmin ? ", every company" : "")})</span>
            <form method="post" action="{DashboardEndpoints.Path}/logout"><input type="hidden" name="__csrf" value="{H(csrf)}"><button type="submit">Sign out</button></form>
            """;
        // No inline script or style anywhere: the page's Content-Security-Policy allows only these two files.
        return $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf" content="{H(csrf)}"><title>{H(title)} · IPS job server</title>
            <link rel="stylesheet" href="{DashboardAssets.StylesheetPath}"></head>
            <body><header><strong>IPS job server</strong>{who}</header><main>{body}</main>
            {(script ? $"<script src=\"{DashboardAssets.ScriptPath}\" defer></script>" : "")}
            </body></html>
            """;
    }

    private static string Time(DateTimeOffset? at) =>
        at is null ? "-" : $"<time datetime=\"{at.Value.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{at.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC</time>";

    private static string H(string text) => HtmlEncoder.Default.Encode(text);
}
