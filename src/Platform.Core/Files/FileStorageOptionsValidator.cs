using Microsoft.Extensions.Options;

namespace Platform.Core.Files;

/// <summary>
/// Checks section <c>Files</c> at start, so a replica with a half-configured bucket refuses to start instead of failing
/// its first upload. Messages name the setting, never its value (the keys are secrets).
/// </summary>
public sealed class FileStorageOptionsValidator : IValidateOptions<FileStorageOptions>
{
    private const long MaxThresholdBytes = 1024 * S3StorageOptions.MiB;
    private const long MaxPartBytes = 512 * S3StorageOptions.MiB;
    private const int MaxParts = 10_000;

    public ValidateOptionsResult Validate(string? name, FileStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxUploadBytes <= 0)
        {
            errors.Add("Files:MaxUploadBytes must be positive.");
        }

        if (options.Provider == FileStorageProvider.S3)
        {
            ValidateS3(options.S3, options.MaxUploadBytes, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateS3(S3StorageOptions s3, long maxUploadBytes, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            errors.Add("Files:S3:Bucket is required when Files:Provider is S3.");
        }

        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl) &&
            (!Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            errors.Add("Files:S3:ServiceUrl must be an absolute http(s) URL, or empty for AWS S3.");
        }

        if (string.IsNullOrEmpty(s3.AccessKeyId) != string.IsNullOrEmpty(s3.SecretAccessKey))
        {
            errors.Add("Files:S3:AccessKeyId and Files:S3:SecretAccessKey go together: set both, or neither to use the SDK's default credential chain.");
        }

        if (S3EncryptionSetting.Parse(s3.ServerSideEncryption) is null)
        {
            errors.Add("Files:S3:ServerSideEncryption must be None, AES256 or aws:kms.");
        }
        else if (!string.IsNullOrEmpty(s3.KmsKeyId) && s3.ServerSideEncryption != S3EncryptionSetting.Kms)
        {
            errors.Add("Files:S3:KmsKeyId is only used with Files:S3:ServerSideEncryption = aws:kms.");
        }

        if (s3.KeyPrefix is { } prefix && (prefix.StartsWith('/') || prefix.Contains("..", StringComparison.Ordinal) || prefix.Contains('\\')))
        {
            errors.Add("Files:S3:KeyPrefix must be a relative key prefix such as 'starfront/prod' (no leading '/', '..' or '\\').");
        }

        if (s3.MultipartThresholdBytes is < S3StorageOptions.MinimumPartBytes or > MaxThresholdBytes)
        {
            errors.Add("Files:S3:MultipartThresholdBytes must be between 5 MiB and 1 GiB (it is held in memory during an upload).");
        }

        if (s3.MultipartPartSizeBytes is < S3StorageOptions.MinimumPartBytes or > MaxPartBytes)
        {
            errors.Add("Files:S3:MultipartPartSizeBytes must be between 5 MiB and 512 MiB (S3's floor; each part is held in memory).");
        }
        else if (s3.MultipartPartSizeBytes * MaxParts < maxUploadBytes)
        {
            errors.Add("Files:S3:MultipartPartSizeBytes is too small for Files:MaxUploadBytes: S3 allows at most 10,000 parts.");
        }

        if (s3.PresignedUrlLifetime < TimeSpan.FromSeconds(1) || s3.PresignedUrlLifetime > TimeSpan.FromDays(7))
        {
            errors.Add("Files:S3:PresignedUrlLifetime must be between 1 second and 7 days (S3's maximum); keep it short.");
        }
    }
}
