using Platform.Core.Files;

namespace Platform.Tests.Files;

/// <summary>S3 storage with <c>Files:S3:DownloadMode = PresignedRedirect</c>: <c>/d/</c> answers 302 to the bucket.</summary>
public sealed class StorageS3RedirectAppFactory : StorageS3MerchantAppFactory
{
    protected override FileDownloadMode Mode => FileDownloadMode.PresignedRedirect;
}
