using Platform.TelegramSandbox.Hosting;

namespace Platform.TelegramSandbox;

/// <summary>
/// The sandbox alone: <c>dotnet run --project src/Platform.TelegramSandbox</c> (optionally <c>--Sandbox:StateFile=store.json</c>).
/// Namespaced and internal so hosts that reference this project keep their own <c>Program</c>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == SandboxHealth.Command)
        {
            return await SandboxHealth.ProbeAsync(args, Console.Out);
        }

        var app = SandboxApp.Build(SandboxApp.CreateBuilder(args));
        app.MapSandboxHealth();
        await app.StartAsync();
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Telegram sandbox: Bot API base URL {url}  ·  chat page {url}/sandbox  ·  control API {url}/sandbox/v1");
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
}
