using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench;

/// <summary>
/// CPU seconds (user + system, from /proc) spent by the web process, this process (the sandbox lives here) and the
/// PostgreSQL cluster (postmaster, its live backends and its reaped children) — so a latency figure on a shared
/// 2-core machine comes with what the work itself cost. Also split by part (the web's threads by name: thread-pool
/// workers, the tiered JIT, the GC; PostgreSQL's processes by role: backends, WAL writer, autovacuum…), which says
/// whether a slow run did more work or other work.
/// </summary>
internal sealed partial class CpuMeter(int webPid, string postgresDataDirectory)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public CpuSnapshot Read()
    {
        var parts = new Dictionary<string, double>();
        var postmaster = int.Parse(File.ReadLines(Path.Combine(postgresDataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var postgres = Ticks(postmaster, withReapedChildren: true);
        var backends = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster && Stat(pid) is { } stat
                && stat[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                var ticks = Ticks(pid, withReapedChildren: false);
                postgres += ticks;
                var role = PostgresRole(pid);
                backends += role.StartsWith("pg backend", StringComparison.Ordinal) ? 1 : 0;
                parts[role] = parts.GetValueOrDefault(role) + ticks / TicksPerSecond;
            }
        }

        foreach (var dir in Directory.EnumerateDirectories($"/proc/{webPid}/task"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var tid) && Stat(webPid, tid) is { } stat)
            {
                var name = "web " + TrailingNumber().Replace(ThreadName(webPid, tid), "");
                parts[name] = parts.GetValueOrDefault(name) + (double.Parse(stat[11], CultureInfo.InvariantCulture)
                    + double.Parse(stat[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
        }

        return new CpuSnapshot(Ticks(webPid, true) / TicksPerSecond, Ticks(Environment.ProcessId, true) / TicksPerSecond, postgres / TicksPerSecond, parts,
            backends);
    }

    public static string Describe(CpuSnapshot before, CpuSnapshot after, int units, string unit)
    {
        var parts = after.Parts.Select(p => (p.Key, Ms: 1000 * (p.Value - before.Parts.GetValueOrDefault(p.Key)) / units))
            .Where(p => p.Ms >= 0.05).OrderByDescending(p => p.Ms).Select(p => $"{p.Key} {p.Ms:F1}");
        return $"CPU per {unit}: web {1000 * (after.Web - before.Web) / units:F1} ms, sandbox (driver " +
            $"process) {1000 * (after.Sandbox - before.Sandbox) / units:F1} ms, " +
            $"PostgreSQL {1000 * (after.Postgres - before.Postgres) / units:F1} ms (by part, ms: {string.Join(", ", parts)}); " +
            $"PostgreSQL client backends {before.Backends} before, {after.Backends} after";
    }

    private static string PostgresRole(int pid)
    {
        try
        {
            // "postgres: walwriter", "postgres: autovacuum worker …", "postgres: starfront_app starfront_bench 127.0.0.1(…) idle".
            var title = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length < 2 ? "pg other" : title.Contains("127.0.0.1", StringComparison.Ordinal) || title.Contains("[local]", StringComparison.Ordinal)
                ? "pg backend " + words[1] : "pg " + string.Join(' ', words.Skip(1).Take(2));
        }
        catch (IOException)
        {
            return "pg other";
        }
    }

    private static string ThreadName(int pid, int tid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/task/{tid}/comm").Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }

    [GeneratedRegex(@"[\s#\d]+$")]
    private static partial Regex TrailingNumber();

    private static double Ticks(int pid, bool withReapedChildren)
    {
        // Fields after "(comm)": state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14.
        if (Stat(pid) is not { } f)
        {
            return 0;
        }

        var ticks = double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture);
        return withReapedChildren ? ticks + double.Parse(f[13], CultureInfo.InvariantCulture) + double.Parse(f[14], CultureInfo.InvariantCulture) : ticks;
    }

    private static string[]? Stat(int pid, int? tid = null)
    {
        try
        {
            var text = File.ReadAllText(tid is null ? $"/proc/{pid}/stat" : $"/proc/{pid}/task/{tid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
