namespace Platform.TelegramSandbox;

/// <summary>
/// The sandbox alone: <c>dotnet run --project src/Platform.TelegramSandbox</c> (optionally <c>--Sandbox:StateFile=store.json</c>).
/// Namespaced and internal so hosts that reference this project keep their own <c>Program</c>.
/// </summary>
internal static class Program
{
    private static async Task Main(string[] args)
    {
        var app = SandboxApp.Build(SandboxApp.CreateBuilder(args));
        await app.StartAsync();
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Telegram sandbox: Bot API base URL {url}  ·  chat page {url}/sandbox  ·  control API {url}/sandbox/v1");
        }

        await app.WaitForShutdownAsync();
    }
}
