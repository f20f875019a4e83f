using System.Globalization;

namespace IpsApi.Bench.Jobs;

/// <summary>
/// CPU time from /proc, to tell whether a figure is bound by the CPUs or by waiting: a process's own, and all of
/// PostgreSQL's (every postgres process, plus the postmasters' ended children, whose time the kernel adds to them).
/// </summary>
public static class CpuTime
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan OfProcess(int pid) => Read(pid, includeChildren: false) ?? TimeSpan.Zero;

    public static TimeSpan OfPostgres()
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres")
                {
                    total += Read(pid, includeChildren: true) ?? TimeSpan.Zero;
                }
            }
            catch (IOException)
            {
                // Ended meanwhile.
            }
        }

        return total;
    }

    private static TimeSpan? Read(int pid, bool includeChildren)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        var ticks = Field(14) + Field(15) + (includeChildren ? Field(16) + Field(17) : 0);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
