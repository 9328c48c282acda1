extern alias Sandbox;
using Platform.Tests.Infrastructure;
using Sandbox::Platform.TelegramSandbox;

namespace Platform.Tests.Bots;

/// <summary>
/// The web app plus a Telegram sandbox on real loopback ports: Telegram:BaseUrl points at the sandbox, the web's
/// in-process Hangfire server runs the jobs, files live in a temporary folder. The sandbox runs on real time with
/// Telegram's flood limits on, so the send path is exercised for real.
/// </summary>
public class BotAppFactory : PlatformAppFactory
{
    public const string SigningKey = "c3RhcmZyb250LXRlc3Qtc2lnbmluZy1rZXktMzItYnl0ZXMhIQ==";

    public SandboxHost Sandbox { get; private set; } = null!;

    public SandboxClient Telegram { get; private set; } = null!;

    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "starfront-bot-files-" + Guid.NewGuid().ToString("N")[..8]);

    protected virtual bool RunJobServerInWeb => true;

    /// <summary>Sandbox options for this host (real clock and Telegram's flood limits unless overridden).</summary>
    protected virtual void ConfigureSandbox(SandboxHostOptions options)
    {
    }

    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(FilesRoot);
        var options = new SandboxHostOptions();
        ConfigureSandbox(options);
        Sandbox = await SandboxHost.StartAsync(options);
        Telegram = new SandboxClient(Sandbox.BaseUrl);
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Telegram:BaseUrl"] = Sandbox.BaseUrl.ToString().TrimEnd('/');
        settings["Jobs:RunServerInWeb"] = RunJobServerInWeb ? "true" : "false";
        settings["Files:Root"] = FilesRoot;
        settings["Downloads:SigningKey"] = SigningKey;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Telegram.Dispose();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }

        GC.SuppressFinalize(this);
    }
}
