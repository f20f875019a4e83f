using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Handles;
using Npgsql;

namespace IpsApi.Jobs.Store;

/// <summary>A person a job mentions: who submitted it, who hears about it.</summary>
public sealed record Person(long Id, string Email, string FirstName, string LastName)
{
    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email;
}

/// <summary>A stored job as a run sees it.</summary>
public sealed record JobRecord(
    long Id,
    string Name,
    string OriginalName,
    JobDefinition Definition,
    string Locale,
    string? ClientApp,
    string? ClientVersion,
    Company Company,
    Person Submitter,
    Person Notify,
    string? Checkpoint)
{
    public JobHandle Handle => new(Company.Handle, Name);
}

/// <summary>
/// How a <see cref="JobRecord"/> is read, for the statements that read one along with something else (the dispatch
/// queue's claim reads the jobs it claims).
/// </summary>
public static class JobRecords
{
    /// <summary>What a run needs of its job, over <c>jobs j</c>, <c>companies c</c>, <c>users s</c> (submitter), <c>users n</c> (notified).</summary>
    public const string Columns =
        """
        j.id, j.name, j.original_name, j.definition::text, j.locale, j.client_app, j.client_version,
        c.id, c.handle, c.name,
        s.id, s.email, s.first_name, s.last_name, n.id, n.email, n.first_name, n.last_name, j.checkpoint, c.storage_folder
        """;

    /// <summary>The joins <see cref="Columns"/> reads from, after <c>jobs j</c>.</summary>
    public const string Joins =
        """
        join companies c on c.id = j.company_id
        join users s on s.id = j.submit_user_id
        join users n on n.id = j.notify_user_id
        """;

    /// <summary>Reads <see cref="Columns"/> starting at column <paramref name="first"/>.</summary>
    public static JobRecord Read(NpgsqlDataReader reader, int first)
    {
        string? Optional(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        Person PersonAt(int i) => new(reader.GetInt64(first + i), reader.GetString(first + i + 1), reader.GetString(first + i + 2),
            reader.GetString(first + i + 3));
        return new JobRecord(
            reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2),
            JobDefinitionJson.Deserialize(reader.GetString(first + 3)), reader.GetString(first + 4), Optional(5), Optional(6),
            new Company(reader.GetInt64(first + 7), reader.GetString(first + 8), reader.GetString(first + 9), reader.GetString(first + 19)),
            PersonAt(10), PersonAt(14), Optional(18));
    }
}
