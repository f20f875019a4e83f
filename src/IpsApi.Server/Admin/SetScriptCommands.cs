using IpsApi.Assets.Store;
using IpsApi.Jobs.JobTypes.AutomatedSets;
using Npgsql;

namespace IpsApi.Server.Admin;

/// <summary>`ipsapi admin setscript`: a company's set rules, which automatedSetGenerationJob names.</summary>
public static class SetScriptCommands
{
    private const string Usage = """
        usage:
          admin setscript set <company> <name> <pattern> <ImageSet|SwatchSet> [<order group>]
                          (pattern: a .NET regular expression over asset names with a (?<set>...) group naming the set;
                           members are ordered by the order group, 'view' by default)
        """;

    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["set", var company, var name, var pattern, var type, .. var rest] || rest.Length > 1
            || !Enum.TryParse<AssetType>(type, ignoreCase: false, out var setType) || setType is not (AssetType.ImageSet or AssetType.SwatchSet))
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        if (SetScript.Problem(pattern) is { } problem)
        {
            await error.WriteLineAsync($"ipsapi admin: not a usable set rule: {problem}.");
            return 64;
        }

        if (!await new SetScriptStore(dataSource).SetAsync(company, name, pattern, setType, rest is [var order] ? order : "view"))
        {
            await error.WriteLineAsync($"ipsapi admin: company {company} does not exist.");
            return 1;
        }

        await output.WriteLineAsync($"set rule {name} of {company} set");
        return 0;
    }
}
