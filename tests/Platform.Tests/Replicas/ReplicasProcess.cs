using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Replicas;

/// <summary>
/// Platform.Web or Platform.Worker as a real OS process from this build's output (<c>dotnet Platform.X.dll</c>), with its
/// settings as environment variables and every line it writes kept with the moment it arrived, so a test can see what
/// each replica logged and when (its JSON console log in Production).
/// </summary>
public sealed class ReplicasProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<(TimeSpan At, string Line)> lines = new();
    private readonly Stopwatch clock;

    private ReplicasProcess(string name, Process process, Stopwatch clock)
    {
        Name = name;
        this.process = process;
        this.clock = clock;
    }

    public string Name { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts <c>src/{project}/bin/…/{project}.dll</c> in <paramref name="environment"/>; lines are timed on <paramref name="clock"/>.</summary>
    public static ReplicasProcess Start(string name, string project, string environment, IDictionary<string, string> settings, Stopwatch clock)
    {
        var info = new ProcessStartInfo("dotnet", [RepositoryPaths.BuiltDll(project)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = environment;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
        var started = new ReplicasProcess(name, process, clock);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }


    /// <summary>When the first line containing <paramref name="text"/> arrived after <paramref name="since"/>; fails after <paramref name="within"/>.</summary>
    public async Task<TimeSpan> WaitForLineAsync(string text, TimeSpan since, TimeSpan within)
    {
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            var hit = lines.Where(l => l.At >= since && l.Line.Contains(text, StringComparison.Ordinal)).Select(l => (TimeSpan?)l.At).FirstOrDefault();
            if (hit is { } at)
            {
                return at;
            }

            if (process.HasExited || giveUp.Elapsed > within)
            {
                throw new InvalidOperationException($"{Name} never logged '{text}' (exited: {process.HasExited}). Its last lines:\n" + Tail());
            }

            await Task.Delay(5);
        }
    }

    public int CountLines(string text) => lines.Count(l => l.Line.Contains(text, StringComparison.Ordinal));

    public string Tail(int count = 30) => string.Join('\n', lines.TakeLast(count).Select(l => l.Line.Length > 600 ? l.Line[..600] : l.Line));

    public bool HasExited => process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue((clock.Elapsed, line));
        }
    }

}
