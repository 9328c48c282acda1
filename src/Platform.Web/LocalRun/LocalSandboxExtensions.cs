using Platform.TelegramSandbox;

namespace Platform.Web.LocalRun;

/// <summary>
/// The local run's Telegram: in Development, when <c>Telegram:BaseUrl</c> is not configured, start the
/// sandbox in process on <c>Sandbox:Urls</c> (default http://localhost:5081) with its state kept in the
/// git-ignored <c>.data/sandbox.json</c>, and point the platform's Telegram.Bot clients at it.
/// </summary>
public static class LocalSandboxExtensions
{
    public const string DefaultUrls = "http://localhost:5081";

    public static async Task UseLocalSandboxWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(builder.Configuration["Telegram:BaseUrl"]))
        {
            return;
        }

        var dataFolder = Path.Combine(LocalDatabaseExtensions.RepositoryRoot(builder.Environment.ContentRootPath), ".data");
        Platform.Core.Files.LocalFileStorage.CreatePrivateDirectory(dataFolder);
        var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions
        {
            Urls = builder.Configuration["Sandbox:Urls"] ?? DefaultUrls,
            StateFile = Path.Combine(dataFolder, "sandbox.json"),
            Configure = o => o.AccessToken = builder.Configuration["Sandbox:AccessToken"],
        });

        builder.Configuration["Telegram:BaseUrl"] = sandbox.BaseUrl.ToString();
        builder.Services.AddSingleton(sandbox);
        builder.Services.AddHostedService(_ => new LocalSandboxShutdown(sandbox));
    }
}
