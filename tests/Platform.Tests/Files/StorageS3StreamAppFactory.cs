using Platform.Core.Files;

namespace Platform.Tests.Files;

/// <summary>S3 storage with <c>Files:S3:DownloadMode = Stream</c>: the web host streams the bytes from the bucket.</summary>
public sealed class StorageS3StreamAppFactory : StorageS3MerchantAppFactory
{
    protected override FileDownloadMode Mode => FileDownloadMode.Stream;
}
