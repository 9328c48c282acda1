using System.Diagnostics;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Bots;

/// <summary>Platform.Worker as a real child process (<c>dotnet Platform.Worker.dll</c>), so a test can kill it outright.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;

    private WorkerProcess(Process process) => this.process = process;

    /// <summary>Starts the worker; <paramref name="onOutput"/>, when given, sees each line it writes as it is written.</summary>
    public static WorkerProcess Start(IDictionary<string, string> settings, Action<string>? onOutput = null)
    {
        var info = new ProcessStartInfo("dotnet", [RepositoryPaths.BuiltDll("Platform.Worker")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The worker did not start.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                onOutput?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>SIGKILL: no shutdown hooks, no finally blocks — like a crashed node.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

}
