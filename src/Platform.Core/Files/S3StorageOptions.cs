namespace Platform.Core.Files;

/// <summary>
/// Section <c>Files:S3</c>: the bucket that holds goods when <c>Files:Provider</c> is <c>S3</c>. The names are a contract
/// with the Helm chart (helm/starfront) and docs/files.md. The two keys are secrets: give them through the environment
/// from a secret store (or leave them out and let the SDK's default chain find IRSA or instance credentials); they are
/// never logged and no validation message repeats them.
/// </summary>
public sealed class S3StorageOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>The SDK's default S3 part floor: S3 refuses parts under 5 MiB except the last.</summary>
    public const long MinimumPartBytes = 5 * MiB;

    /// <summary>Endpoint of an S3-compatible service (MinIO, R2, s3rver), e.g. <c>https://minio.internal:9000</c>. Empty: AWS S3.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>AWS region (e.g. <c>eu-central-1</c>), or the signing region of a compatible service (R2: <c>auto</c>).</summary>
    public string? Region { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Path-style URLs (<c>host/bucket/key</c>) instead of virtual hosts: needed by MinIO, s3rver and most self-hosted services.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>With <see cref="SecretAccessKey"/>; both absent: the SDK's default credential chain (environment, IRSA, instance role).</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>
    /// <c>None</c> (the bucket's default applies), <c>AES256</c> (SSE-S3) or <c>aws:kms</c> (SSE-KMS, optionally with <see cref="KmsKeyId"/>).
    /// </summary>
    public string ServerSideEncryption { get; set; } = "None";

    /// <summary>The KMS key for <c>aws:kms</c>; empty: the account's S3 default key. Only valid with <c>aws:kms</c>.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>Prepended to every storage key (e.g. <c>starfront/prod</c>), so one bucket can hold several installations.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>Uploads up to this size are one PUT; larger ones go in parts. Held in memory while uploading (5 MiB – 1 GiB).</summary>
    public long MultipartThresholdBytes { get; set; } = 64 * MiB;

    /// <summary>Size of each part of a multipart upload, held in memory while it uploads (5 MiB – 512 MiB).</summary>
    public long MultipartPartSizeBytes { get; set; } = 16 * MiB;

    /// <summary><c>Stream</c> (default) or <c>PresignedRedirect</c>: see <see cref="FileDownloadMode"/>.</summary>
    public FileDownloadMode DownloadMode { get; set; } = FileDownloadMode.Stream;

    /// <summary>How long a presigned download URL works (1 second – 7 days, S3's maximum). Short: it is a bearer URL.</summary>
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
