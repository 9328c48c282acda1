using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Operations;

/// <summary>
/// The README's local run (<c>Platform.Web</c> in Development: its own PostgreSQL, the sandbox and a job server in
/// process) stopped with Ctrl+C stops quietly: the inbox listener lets go before PostgreSQL stops, no stack trace.
/// A real child process with its own working folder (so its own <c>.data</c>) and free ports.
/// </summary>
public sealed partial class LocalRunShutdownTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "starfront-localrun-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Ctrl_C_on_a_local_run_that_has_answered_a_chat_stops_PostgreSQL_last_without_a_stack_trace()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT
        }

        Directory.CreateDirectory(folder);
        var output = new ConcurrentQueue<string>();
        using var process = Start(output);
        try
        {
            var sandbox = new Uri(await WaitForLineAsync(output, SandboxLine(), process));
            using var http = new HttpClient { BaseAddress = sandbox, Timeout = TimeSpan.FromSeconds(30) };
            var (botId, userId) = await DemoBotAndBuyerAsync(http);

            // The demo bot answers: its update went through the inbox, so the inbox listener is connected.
            (await http.PostAsJsonAsync($"sandbox/v1/users/{userId}/bots/{botId}/messages", new { text = "/help" })).EnsureSuccessStatusCode();
            await WaitAsync(async () => (await http.GetFromJsonAsync<JsonElement>($"sandbox/v1/users/{userId}/bots/{botId}/chat"))
                .GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("from_bot").GetBoolean()), process, output);

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(exit.Token);
        }
        finally
        {
            StopLeftovers(process);
        }

        var log = string.Join('\n', output);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Stopped PostgreSQL", log, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), log);
        Assert.DoesNotContain("Listening for inbox signals failed", log, StringComparison.Ordinal);
        Assert.False(log.Contains("fail:", StringComparison.Ordinal), log);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private Process Start(ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo(
            "dotnet", [RepositoryPaths.BuiltDll("Platform.Web"), "--urls", "http://127.0.0.1:0", "--Sandbox:Urls", "http://127.0.0.1:0",
                "--Jobs:RunServerInWeb=true"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__LocalDatabase"] = "Information";
        var process = Process.Start(info) ?? throw new InvalidOperationException("The local run did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(long BotId, long UserId)> DemoBotAndBuyerAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var bots = await http.GetFromJsonAsync<JsonElement>("sandbox/v1/bots");
            var users = await http.GetFromJsonAsync<JsonElement>("sandbox/v1/users");
            var hooked = bots.EnumerateArray().Where(b => b.TryGetProperty("webhook", out var w) && w.ValueKind == JsonValueKind.Object).ToList();
            if (hooked.Count > 0 && users.GetArrayLength() > 0)
            {
                return (hooked[0].GetProperty("id").GetInt64(), users[0].GetProperty("id").GetInt64());
            }

            Assert.True(DateTime.UtcNow < deadline, "The local run never registered its demo bot.");
            await Task.Delay(200);
        }
    }

    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> output, Regex pattern, Process process)
    {
        string? found = null;
        await WaitAsync(() => Task.FromResult((found = output.Select(l => pattern.Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value) is not null),
            process, output);
        return found!;
    }

    private static async Task WaitAsync(Func<Task<bool>> done, Process process, ConcurrentQueue<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await done())
        {
            Assert.False(process.HasExited, "The local run exited:\n" + string.Join('\n', output));
            Assert.True(DateTime.UtcNow < deadline, "Timed out:\n" + string.Join('\n', output));
            await Task.Delay(200);
        }
    }

    /// <summary>A failed test must not leave the run or its PostgreSQL behind.</summary>
    private void StopLeftovers(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var pidFile = Path.Combine(folder, ".data", "postgres", "data", "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster))
        {
            try
            {
                Process.GetProcessById(postmaster).Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
    }


    [GeneratedRegex(@"Telegram sandbox \(Bot API base URL\): (\S+)")]
    private static partial Regex SandboxLine();

    [GeneratedRegex(@"(?m)^\s+at \S+\.\S+\(")]
    private static partial Regex StackFrame();
}
