extern alias Sandbox;

using Sandbox::Platform.TelegramSandbox;

namespace Platform.Web.LocalRun;

/// <summary>
/// The local run's Telegram: in Development, unless <c>Telegram:BaseUrl</c> is configured, the sandbox is started in
/// this process on <see cref="DefaultUrl"/> (state kept in <c>.data/sandbox.json</c>) and every bot talks to it.
/// </summary>
public static class LocalSandbox
{
    public const string DefaultUrl = "http://localhost:5081";

    public static Uri? BaseUrl { get; private set; }

    public static async Task UseLocalSandboxWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(builder.Configuration["Telegram:BaseUrl"]))
        {
            return;
        }

        var root = LocalDatabaseExtensions.RepositoryRoot(builder.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.Combine(root, ".data"));
        var host = await SandboxHost.StartAsync(new SandboxHostOptions
        {
            Urls = builder.Configuration["Sandbox:Urls"] ?? DefaultUrl,
            StateFile = Path.Combine(root, ".data", "sandbox.json"),
        });
        BaseUrl = host.BaseUrl;
        builder.Configuration["Telegram:BaseUrl"] = host.BaseUrl.ToString().TrimEnd('/');
        builder.Configuration["Files:Root"] ??= Path.Combine(root, ".data", "files");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
    }
}
