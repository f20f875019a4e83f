using System.Text.RegularExpressions;
using IpsApi.Assets.Store;
using Npgsql;

namespace IpsApi.Jobs.JobTypes.AutomatedSets;

/// <summary>A set rule: asset names matching <see cref="Pattern"/> go into the set its group <c>set</c> names.</summary>
public sealed record SetScript(string Name, Regex Pattern, AssetType SetType, string OrderGroup)
{
    /// <summary>Whether the pattern can be a rule: it compiles and has the <c>set</c> group. Null when it can, else why not.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).GetGroupNames().Contains("set")
                ? null
                : "the pattern has no (?<set>...) group";
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}

/// <summary>The set_scripts table.</summary>
public sealed class SetScriptStore(NpgsqlDataSource dataSource)
{
    public async Task<SetScript?> FindAsync(long companyId, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select name, pattern, set_type, order_group from set_scripts where company_id = @company and name = @name");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // A timeout bounds what a careless pattern can cost on a long name.
        return await reader.ReadAsync(cancellationToken)
            ? new SetScript(reader.GetString(0), new Regex(reader.GetString(1), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
                Enum.Parse<AssetType>(reader.GetString(2)), reader.GetString(3))
            : null;
    }

    /// <summary>Creates or replaces a rule of the company named <paramref name="companyHandle"/>; false when there is no such company.</summary>
    public async Task<bool> SetAsync(string companyHandle, string name, string pattern, AssetType setType, string orderGroup,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into set_scripts (company_id, name, pattern, set_type, order_group)
            select id, @name, @pattern, @type, @order from companies where handle = @company
            on conflict (company_id, name) do update
                set pattern = excluded.pattern, set_type = excluded.set_type, order_group = excluded.order_group, updated_at = now()
            """);
        command.Parameters.AddWithValue("company", companyHandle);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("pattern", pattern);
        command.Parameters.AddWithValue("type", setType.ToString());
        command.Parameters.AddWithValue("order", orderGroup);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
