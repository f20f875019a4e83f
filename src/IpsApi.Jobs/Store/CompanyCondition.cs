using Npgsql;

namespace IpsApi.Jobs.Store;

/// <summary>
/// The condition "one of the companies the caller may see", written so that each case gets the plan its index
/// allows. A statement with "@companies is null or column = any(@companies)" is prepared once and then planned once
/// for every case (a generic plan), which cannot use the company's index; and one company compared with "=" lets
/// PostgreSQL read a company's rows off a (company, time) index already in order, which "= any" does not.
/// </summary>
internal static class CompanyCondition
{
    /// <summary>The condition on <paramref name="column"/> ("true" for every company), its parameter added to <paramref name="command"/>.</summary>
    public static string Of(IReadOnlyList<long>? companies, string column, NpgsqlCommand command) => companies switch
    {
        null => "true",
        [var only] => Add(command, "company", only, $"{column} = @company"),
        _ => Add(command, "companies", companies.ToArray(), $"{column} = any(@companies)"),
    };

    private static string Add(NpgsqlCommand command, string name, object value, string condition)
    {
        command.Parameters.AddWithValue(name, value);
        return condition;
    }
}
