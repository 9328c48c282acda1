using Platform.TelegramSandbox;

// The sandbox alone: `dotnet run --project src/Platform.TelegramSandbox` (optionally --Sandbox:StateFile=store.json).
var app = SandboxApp.Build(SandboxApp.CreateBuilder(args));
await app.StartAsync();
foreach (var url in app.Urls)
    Console.WriteLine($"Telegram sandbox: Bot API base URL {url}  ·  chat page {url}/sandbox  ·  control API {url}/sandbox/v1");
await app.WaitForShutdownAsync();
