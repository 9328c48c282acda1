using Amazon.S3;
using Platform.Core.Files;
using Platform.Tests.Merchant;

namespace Platform.Tests.Files;

/// <summary>
/// The merchant-side test host with goods in S3 (<c>Files:Provider = S3</c>): its own s3rver, AES256 requested, a 5 MiB
/// multipart threshold (so a portal upload goes in parts) and the download mode of the subclass.
/// </summary>
public abstract class StorageS3MerchantAppFactory : MerchantAppFactory
{
    public StorageS3rver S3rver { get; } = new();

    public string KeyPrefix { get; } = "app-" + Guid.NewGuid().ToString("N")[..8];

    protected abstract FileDownloadMode Mode { get; }

    public override async Task InitializeAsync()
    {
        await S3rver.InitializeAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        S3rver.AddSettings(settings, KeyPrefix, Mode);
    }

    /// <summary>A client of its own (not the app's), to look into the bucket directly.</summary>
    public IAmazonS3 BucketClient() => S3ClientFactory.Create(S3rver.Options(KeyPrefix));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await S3rver.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
