using Amazon.Runtime;
using Amazon.S3;

namespace Platform.Core.Files;

/// <summary>
/// Builds the S3 client from <c>Files:S3</c>: the endpoint (AWS by region, or a compatible service by URL), path-style
/// addressing, and the credentials (the two keys when given, else the SDK's default chain — environment, IRSA,
/// instance role). Checksums are sent and checked only where S3 requires them: the SDK's newer default (trailing
/// CRC checksums in aws-chunked bodies) is not understood by several compatible services.
/// </summary>
public static class S3ClientFactory
{
    /// <param name="options">The <c>Files:S3</c> settings.</param>
    /// <param name="httpClientFactory">Optional: the HTTP client the SDK uses (tests record requests with it).</param>
    public static IAmazonS3 Create(S3StorageOptions options, HttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(options.Region) ? "us-east-1" : options.Region;
            config.UseHttp = options.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        }
        else if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return string.IsNullOrEmpty(options.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }
}
