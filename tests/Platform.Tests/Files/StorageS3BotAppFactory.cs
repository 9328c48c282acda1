using Platform.Core.Files;
using Platform.Tests.Bots;

namespace Platform.Tests.Files;

/// <summary>The bot test host (web, job server, sandbox) with goods in S3 on its own s3rver, streamed downloads.</summary>
public sealed class StorageS3BotAppFactory : BotAppFactory
{
    public StorageS3rver S3rver { get; } = new();

    public string KeyPrefix { get; } = "bot-" + Guid.NewGuid().ToString("N")[..8];

    public override async Task InitializeAsync()
    {
        await S3rver.InitializeAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        S3rver.AddSettings(settings, KeyPrefix, FileDownloadMode.Stream);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await S3rver.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
