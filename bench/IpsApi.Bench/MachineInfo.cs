using System.Globalization;
using System.Runtime.InteropServices;

namespace IpsApi.Bench;

/// <summary>The machine a benchmark ran on, as its RESULTS.md section records it.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? string.Create(CultureInfo.InvariantCulture,
                $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB memory")
            : "memory unknown";
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? "CPU model unknown";
        var vips = $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"nproc {Environment.ProcessorCount} ({cpu}), {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, libvips {vips}");
    }

    /// <summary>The 1-minute load average: other work on the machine skews every figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
