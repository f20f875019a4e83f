namespace IpsApi.Server.Ops.Dashboard;

/// <summary>
/// The stylesheet and the one script of the dashboard, shipped inside the binary and served as files of their own
/// (the pages' Content-Security-Policy runs no inline script and applies no inline style). Their addresses carry
/// a hash of their text, so a browser may keep them until the binary changes.
/// </summary>
public static class DashboardAssets
{
    public static readonly string StylesheetPath = $"{DashboardEndpoints.Path}/assets/dashboard-{Version(Css)}.css";

    public static readonly string ScriptPath = $"{DashboardEndpoints.Path}/assets/dashboard-{Version(Script)}.js";

    private static string Version(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];

    public const string Css = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
        header { display: flex; gap: 1em; align-items: center; padding: .6em 1.2em; background: #1d2330; color: #fff; }
        header span { margin-left: auto; } header form { margin: 0; }
        main { padding: 1em 1.2em; }
        section { background: #fff; border: 1px solid #dde1e7; border-radius: 6px; padding: .4em 1em 1em; margin-bottom: 1em; }
        h2 { font-size: 1.05em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3em .5em; border-bottom: 1px solid #eef0f3; vertical-align: middle; }
        td form { display: inline; } button { cursor: pointer; }
        progress { width: 8em; vertical-align: middle; }
        .counts { display: flex; gap: 1.5em; list-style: none; padding: 0; margin: 0; } .counts b { font-size: 1.3em; }
        .message { color: #135e26; } .error { color: #a11; } .empty { color: #667; }
        .state-Failed, .state-Error, .failed td:first-child { color: #a11; } .state-Done, .state-Alive { color: #135e26; } .state-Overdue { color: #a60; }
        .charts { display: flex; flex-wrap: wrap; gap: 2em; }
        svg rect.throughput { fill: #3b6fd4; } svg rect.failures { fill: #c33; } svg text { font-size: 10px; fill: #667; } svg line { stroke: #99a; }
        .login { max-width: 22em; margin: 4em auto; display: grid; gap: .8em; background: #fff; padding: 1.5em; border-radius: 6px; border: 1px solid #dde1e7; }
        .login label, .filter label { display: grid; gap: .2em; } .filter { display: flex; gap: 1em; align-items: end; margin: 1em 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
        """;

    /// <summary>
    /// Renders the three job tables from /ops/api/jobs and refreshes them every 1.5 s, so progress moves and a
    /// finished run changes tables without a reload. Buttons are ordinary forms posting to the server, shown only
    /// for what the viewer's role may do; a form that asks first carries its question as data (data-confirm),
    /// read by one listener here: a value never becomes script.
    /// </summary>
    public const string Script = """
        (() => {
          const csrf = document.querySelector('meta[name="csrf"]').content;
          const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
          const time = iso => iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '-';
          let allowed = {};
          const button = (job, action, label, confirmText) => !allowed[action] ? '' :
            `<form method="post" action="/ops/jobs/${job}/${action}"${confirmText ? ` data-confirm="${esc(confirmText)}"` : ''}>` +
            `<input type="hidden" name="__csrf" value="${esc(csrf)}"><button type="submit" data-action="${action}">${label}</button></form>`;
          document.addEventListener('submit', event => {
            const question = event.target.dataset.confirm;
            if (question && !confirm(question)) { event.preventDefault(); }
          });
          const jobLink = (name, runId) => runId ? `<a href="/ops/runs/${runId}">${esc(name)}</a>` : esc(name);
          const fill = (id, rows) => {
            const section = document.getElementById(id);
            section.querySelector('tbody').innerHTML = rows.join('');
            section.querySelector('.empty').hidden = rows.length > 0;
          };
          const render = data => {
            allowed = data.allowed || {};
            fill('active', data.active.map(a => `<tr data-job="${esc(a.name)}" data-state="${esc(a.state)}">` +
              `<td>${esc(a.company)}</td><td>${jobLink(a.name, a.runId)}</td><td>${esc(a.type)}</td><td class="state">${esc(a.state)}</td>` +
              `<td><progress max="100" value="${a.progress}"></progress> <span class="progress">${a.progress}% ${esc(a.message)}</span></td>` +
              `<td>${esc(a.server)}</td><td>${time(a.startedAt)}</td>` +
              `<td>${a.runId ? button(a.jobId, 'stop', 'Stop') : ''}${button(a.jobId, 'pause', 'Pause')}</td></tr>`));
            fill('scheduled', data.scheduled.map(s => `<tr data-job="${esc(s.name)}" data-state="${esc(s.triggerState)}">` +
              `<td>${esc(s.company)}</td><td>${esc(s.name)}</td><td>${esc(s.type)}</td><td>${esc(s.schedule)}</td>` +
              `<td>${time(s.nextFire)}</td><td class="state state-${esc(s.triggerState)}">${esc(s.triggerState)}</td><td>` +
              (s.triggerState === 'Paused' ? button(s.jobId, 'resume', 'Resume') : button(s.jobId, 'pause', 'Pause')) +
              button(s.jobId, 'execute', 'Run now') + button(s.jobId, 'delete', 'Delete', `Delete ${s.name}?`) + `</td></tr>`));
            fill('recent', data.recent.map(r => `<tr data-job="${esc(r.name)}" data-state="${esc(r.state)}">` +
              `<td>${esc(r.company)}</td><td>${jobLink(r.name, r.runId)}</td><td>${esc(r.type)}</td>` +
              `<td class="state state-${esc(r.state)}">${esc(r.state)}</td><td>${r.fileSuccess} / ${r.fileError} / ${r.fileWarning}</td>` +
              `<td>${esc(r.server)}</td><td>${time(r.endedAt)}</td></tr>`));
            const count = (list, pick) => list.reduce((n, x) => { const k = pick(x); n[k] = (n[k] || 0) + 1; return n; }, {});
            const counts = Object.assign({}, count(data.active, a => a.state), count(data.scheduled, s => s.triggerState === 'Paused' ? 'Paused' : 'Scheduled'),
              count(data.recent, r => r.state + ' (24 h)'));
            document.getElementById('counts').innerHTML = Object.entries(counts).map(([k, n]) => `<li>${esc(k)} <b>${n}</b></li>`).join('') || '<li>No jobs</li>';
          };
          const refresh = async () => {
            try {
              const response = await fetch('/ops/api/jobs', { headers: { Accept: 'application/json' }, cache: 'no-store' });
              if (response.status === 401) { location.href = '/ops/login'; return; }
              if (response.ok) { render(await response.json()); document.body.dataset.refreshed = Date.now(); }
            } finally {
              setTimeout(refresh, 1500);
            }
          };
          refresh();
        })();
        """;
}
