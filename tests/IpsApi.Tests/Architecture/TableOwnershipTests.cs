using System.Text.RegularExpressions;

namespace IpsApi.Tests.Architecture;

/// <summary>
/// Each table has one owner, a folder of src/, and the SQL that names the table lives there; everything else asks the
/// owner. The rule is read from the source text: every string literal of src/ is searched for the tables it reads
/// (from, join) and writes (into, update). Reads outside the owner are allowed only where listed below with why
/// (a statement that joins a table for a name or a flag it would otherwise cost a round trip to ask for); writes
/// outside the owner never are.
/// </summary>
public sealed partial class TableOwnershipTests
{
    /// <summary>The owner of every table (Quartz's own tables included where our code reads them).</summary>
    private static readonly Dictionary<string, string> Owners = new(StringComparer.Ordinal)
    {
        ["companies"] = "IpsApi.Jobs/Accounts/",
        ["users"] = "IpsApi.Jobs/Accounts/",
        ["company_members"] = "IpsApi.Jobs/Accounts/",
        ["jobs"] = "IpsApi.Jobs/Store/",
        ["job_runs"] = "IpsApi.Jobs/Store/",
        ["job_log_details"] = "IpsApi.Jobs/Store/",
        ["job_task_progress"] = "IpsApi.Jobs/Store/",
        ["job_queue"] = "IpsApi.Jobs/Engine/Queue/",
        ["qrtz_scheduler_state"] = "IpsApi.Jobs/Engine/Cluster/",
        ["qrtz_triggers"] = "IpsApi.Jobs/Engine/Cron/",
        ["qrtz_cron_triggers"] = "IpsApi.Jobs/Engine/Cron/",
        ["outbox"] = "IpsApi.Jobs/Notifications/",
        ["schema_migrations"] = "IpsApi.Jobs/Database/",
        ["assets"] = "IpsApi.Assets/Store/",
        ["asset_metadata"] = "IpsApi.Assets/Store/",
        ["asset_renditions"] = "IpsApi.Assets/Store/",
        ["set_members"] = "IpsApi.Assets/Store/",
        ["file_intents"] = "IpsApi.Assets/Store/",
        ["metadata_fields"] = "IpsApi.Assets/Store/",
        ["folders"] = "IpsApi.Assets/Store/",
        ["publish_catalogs"] = "IpsApi.Assets/Publishing/",
        ["publish_entries"] = "IpsApi.Assets/Publishing/",
        ["set_scripts"] = "IpsApi.Jobs/JobTypes/AutomatedSets/",
        ["image_macros"] = "IpsApi.Jobs/JobTypes/Export/",
        ["export_downloads"] = "IpsApi.Jobs/JobTypes/Export/",
        ["retention_state"] = "IpsApi.Jobs/Retention/",
        ["login_failures"] = "IpsApi.Server/Auth/",
        ["upload_jobs"] = "IpsApi.Jobs/JobTypes/UploadPost/",
        ["upload_files"] = "IpsApi.Jobs/JobTypes/UploadPost/",
        ["sign_in_failures"] = "IpsApi.Server/Auth/",
        ["data_protection_keys"] = "IpsApi.Server/Hosting/SharedKeyRing.cs",
        ["ops_sessions"] = "IpsApi.Server/Ops/Dashboard/OpsSessions.cs",
    };

    /// <summary>Reads of a table outside its owner that are part of a statement of another owner: (folder or file, table).</summary>
    private static readonly HashSet<(string Where, string Table)> AllowedReads =
    [
        // A company's handle and name, and a person's name and address, go with the rows that name them.
        ("IpsApi.Jobs/Store/", "companies"),
        ("IpsApi.Jobs/Store/", "users"),
        ("IpsApi.Assets/Store/", "companies"),
        ("IpsApi.Assets/Publishing/", "companies"),
        ("IpsApi.Jobs/JobTypes/AutomatedSets/", "companies"),
        ("IpsApi.Jobs/JobTypes/Export/", "companies"),
        ("IpsApi.Jobs/Notifications/OutboxQueries.cs", "companies"),
        // The company of a message is the company of its run.
        ("IpsApi.Jobs/Notifications/OutboxQueries.cs", "job_runs"),
        // The claim skips paused and deleted jobs and reads the claimed jobs in the same statement; the depth counts
        // only jobs that can run; enqueuing checks the job still exists.
        ("IpsApi.Jobs/Engine/Queue/DispatchQueue.cs", "jobs"),
        // getScheduledJobs shows a one-shot job's execTime from its queue row; a job's name is freed only when no
        // further run waits in the queue.
        ("IpsApi.Jobs/Store/JobQueries.cs", "job_queue"),
        ("IpsApi.Jobs/Store/JobStore.cs", "job_queue"),
        // An upload job's row is stored with its job (found by the id the job's insert drew) and takes POSTs only while
        // its job exists, has not ended and belongs to the POSTing user, checked under the row's lock.
        ("IpsApi.Jobs/JobTypes/UploadPost/UploadStore.cs", "jobs"),
        // A finished job's row goes only when nothing waits in the queue for it; a queue row goes when its job was deleted.
        ("IpsApi.Jobs/Store/JobRetention.cs", "job_queue"),
        ("IpsApi.Jobs/Engine/Queue/QueueRetention.cs", "jobs"),
        // getJobLogs' userHandle names a user the caller may know: a member of its companies or a submitter there.
        ("IpsApi.Jobs/Store/JobLogQueries.cs", "company_members"),
        // A deleted user's row stays, anonymous, while jobs name it; the check and the delete are one statement.
        ("IpsApi.Jobs/Accounts/AccountStore.cs", "jobs"),
    ];

    [Fact]
    public void Every_table_of_the_migrations_has_an_owner()
    {
        var tables = Directory.EnumerateFiles(SourceTree.Src, "*.sql", SearchOption.AllDirectories)
            .SelectMany(file => CreateTable().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value.ToLowerInvariant()))
            .Distinct()
            .Where(table => !Owners.ContainsKey(table))
            .ToList();

        Assert.True(tables.Count == 0, $"Tables without an owner in {nameof(Owners)}: {string.Join(", ", tables)}");
    }

    [Fact]
    public void Sql_that_names_a_table_lives_with_the_table_s_owner()
    {
        var outside = new List<string>();
        foreach (var (file, table, writes) in References())
        {
            var owner = Owners[table];
            if (file.StartsWith(owner, StringComparison.Ordinal))
            {
                continue;
            }

            if (!writes && AllowedReads.Any(a => a.Table == table && file.StartsWith(a.Where, StringComparison.Ordinal)))
            {
                continue;
            }

            outside.Add($"{file} {(writes ? "writes" : "reads")} {table} (owner: {owner})");
        }

        Assert.True(outside.Count == 0, "SQL outside the table's owner:\n" + string.Join('\n', outside.Distinct()));
    }

    [Fact]
    public void The_scan_finds_the_owners_own_statements()
    {
        // Guards the scan itself: if it stopped reading literals, the rule above would pass on anything.
        var found = References().ToList();
        Assert.Contains(found, r => r.File == "IpsApi.Jobs/Engine/Queue/DispatchQueue.cs" && r.Table == "job_queue" && r.Writes);
        Assert.Contains(found, r => r.File == "IpsApi.Jobs/Store/JobStore.cs" && r.Table == "jobs" && r.Writes);
        Assert.Contains(found, r => r.File == "IpsApi.Jobs/Store/JobQueries.cs" && r.Table == "job_queue" && !r.Writes);
    }

    /// <summary>Every table named in a string literal of src/: the file (relative to src/), the table, and whether it writes it.</summary>
    private static IEnumerable<(string File, string Table, bool Writes)> References()
    {
        foreach (var path in Directory.EnumerateFiles(SourceTree.Src, "*.cs", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(SourceTree.Src, path).Replace('\\', '/');
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var code = CharLiteral().Replace(Comment().Replace(File.ReadAllText(path), ""), "");
            foreach (Match literal in Literal().Matches(code))
            {
                var text = literal.Groups.Values.Skip(1).First(g => g.Success).Value;
                foreach (Match reference in TableReference().Matches(text))
                {
                    var table = reference.Groups[2].Value.ToLowerInvariant();
                    if (Owners.ContainsKey(table))
                    {
                        var verb = reference.Groups[1].Value.ToLowerInvariant();
                        yield return (file, table, verb is "into" or "update" or "table");
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"create table (?:if not exists )?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    // Raw ("""..."""), verbatim (@"...") and regular string literals, interpolated or not.
    [GeneratedRegex(@"\$*""""""(.*?)""""""|\$*@""((?:[^""]|"""")*)""|\$*""((?:[^""\\\n]|\\.)*)""", RegexOptions.Singleline)]
    private static partial Regex Literal();

    // Comment lines (documentation included), and comments after code that hold no quote (SQL has no //, so a //
    // inside a literal is always followed by its closing quote).
    [GeneratedRegex(@"^\s*//.*$|//[^""\n]*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    // Character literals: a '"' would otherwise open a string.
    [GeneratedRegex(@"'(?:[^'\\\n]|\\.)'")]
    private static partial Regex CharLiteral();

    [GeneratedRegex(@"\b(from|join|into|update|table)\s+(?:only\s+)?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();
}
