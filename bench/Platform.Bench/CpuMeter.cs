namespace Platform.Bench;

/// <summary>
/// CPU seconds (user + system, from /proc) spent by the web process, this process (the sandbox lives here) and the
/// PostgreSQL cluster (postmaster, its live backends and its reaped children) — so a latency figure on a shared
/// 2-core machine comes with what the work itself cost.
/// </summary>
internal sealed class CpuMeter(int webPid, string postgresDataDirectory)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public (double Web, double Sandbox, double Postgres) Read()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(postgresDataDirectory, "postmaster.pid")).First());
        var postgres = Ticks(postmaster, withReapedChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster && Stat(pid) is { } stat && stat[1] == postmaster.ToString())
            {
                postgres += Ticks(pid, withReapedChildren: false);
            }
        }

        return (Ticks(webPid, true) / TicksPerSecond, Ticks(Environment.ProcessId, true) / TicksPerSecond, postgres / TicksPerSecond);
    }

    public static string Describe((double Web, double Sandbox, double Postgres) before, (double Web, double Sandbox, double Postgres) after, int units, string unit) =>
        $"CPU per {unit}: web {1000 * (after.Web - before.Web) / units:F1} ms, sandbox (driver process) {1000 * (after.Sandbox - before.Sandbox) / units:F1} ms, " +
        $"PostgreSQL {1000 * (after.Postgres - before.Postgres) / units:F1} ms";

    private static double Ticks(int pid, bool withReapedChildren)
    {
        // Fields after "(comm)": state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14.
        if (Stat(pid) is not { } f)
        {
            return 0;
        }

        var ticks = double.Parse(f[11]) + double.Parse(f[12]);
        return withReapedChildren ? ticks + double.Parse(f[13]) + double.Parse(f[14]) : ticks;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
