using IpsApi.Assets.Rendering;
using IpsApi.Jobs.JobTypes.Export;
using Npgsql;

namespace IpsApi.Server.Admin;

/// <summary>`ipsapi admin macro`: a company's image presets, which exportJob names in its macro element.</summary>
public static class MacroCommands
{
    private const string Usage = """
        usage:
          admin macro set <company> <name> <modifiers>
                          (modifiers as image serving takes them, e.g. "wid=200&hei=200&fit=crop&fmt=png")
        """;

    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["set", var company, var name, var modifiers] || string.IsNullOrWhiteSpace(name))
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        // Checked now, so a macro that exportJob would refuse is never stored.
        ImageModifiers.Parse(modifiers, out var problems);
        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"ipsapi admin: not a usable modifier: {string.Join(", ", problems.Select(p => p.Modifier))} "
                + "(supported: wid, hei, fit=constrain|fit|crop|stretch[,0|1], fmt=jpg|png|tif|webp, qlt, bgc, crop=x,y,w,h, scl, rotate).");
            return 64;
        }

        if (!await new ExportStore(dataSource).SetMacroAsync(company, name, modifiers))
        {
            await error.WriteLineAsync($"ipsapi admin: company {company} does not exist.");
            return 1;
        }

        await output.WriteLineAsync($"macro {name} of {company} set");
        return 0;
    }
}
