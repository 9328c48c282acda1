using System.Diagnostics;
using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Deployment;

/// <summary>
/// The standalone sandbox (its image's entry point) answers <c>/health/live</c>, and its <c>health-probe</c> command — the
/// image's HEALTHCHECK — exits 0 while it runs and 1 once it is gone.
/// </summary>
public sealed class SandboxHealthShould
{
    [Fact]
    public async Task Answer_live_and_pass_its_own_probe_command_only_while_running()
    {
        var port = LoopbackPort.Free();
        var url = $"http://127.0.0.1:{port}/health/live";
        using (var sandbox = Start(["--urls", $"http://127.0.0.1:{port}"]))
        {
            try
            {
                using var client = new HttpClient();
                var clock = Stopwatch.StartNew();
                HttpResponseMessage? live = null;
                while (live is null)
                {
                    try
                    {
                        live = await client.GetAsync(new Uri(url));
                    }
                    catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
                    {
                        await Task.Delay(200); // polling another process's listener, not waiting for time to pass
                    }
                }

                using (live)
                {
                    Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                }

                Assert.Equal(0, await ExitCodeAsync(["health-probe", url]));
            }
            finally
            {
                sandbox.Kill(entireProcessTree: true);
                await sandbox.WaitForExitAsync();
            }
        }

        Assert.Equal(1, await ExitCodeAsync(["health-probe", url]));
    }

    private static Process Start(string[] arguments)
    {
        var dll = RepositoryPaths.BuiltDll("Platform.TelegramSandbox");
        var info = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<int> ExitCodeAsync(string[] arguments)
    {
        using var process = Start(arguments);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

}
