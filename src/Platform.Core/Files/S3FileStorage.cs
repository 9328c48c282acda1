using System.Buffers;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Files;

/// <summary>
/// Goods in an S3-compatible bucket (<c>Files:Provider = S3</c>), so every web and worker replica serves the same files.
/// An upload up to <see cref="S3StorageOptions.MultipartThresholdBytes"/> is buffered and sent as one PUT; a larger one
/// goes in parts and is aborted on any failure, so the object appears whole or not at all. Reads are a seekable stream
/// of ranged GETs (<see cref="S3ObjectStream"/>); downloads may instead redirect to a presigned GET (docs/files.md).
/// </summary>
public sealed class S3FileStorage : IFileStorage
{
    private readonly IAmazonS3 client;
    private readonly S3StorageOptions s3;
    private readonly string bucket;
    private readonly string prefix;
    private readonly ILogger<S3FileStorage> logger;

    public S3FileStorage(IAmazonS3 client, IOptions<FileStorageOptions> options, ILogger<S3FileStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.logger = logger;
        s3 = options.Value.S3;
        bucket = s3.Bucket ?? throw new InvalidOperationException("Files:S3:Bucket is not set.");
        var trimmed = (s3.KeyPrefix ?? "").Trim('/');
        prefix = trimmed.Length == 0 ? "" : trimmed + "/";
    }

    /// <summary>The object key of a storage key: <c>Files:S3:KeyPrefix</c> and the key.</summary>
    public string ObjectKey(string key) => prefix + key;

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var threshold = checked((int)s3.MultipartThresholdBytes);
        var partSize = checked((int)s3.MultipartPartSizeBytes);
        // One byte past the threshold tells "exactly the threshold" (one PUT) from "more" (parts).
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(threshold + 1, partSize));
        try
        {
            var filled = await S3MultipartUpload.FillAsync(content, buffer, 0, threshold + 1, cancellationToken);
            if (filled <= threshold)
            {
                await PutAsync(ObjectKey(key), buffer, filled, cancellationToken);
                return;
            }

            var upload = new S3MultipartUpload(client, bucket, ObjectKey(key), logger);
            await upload.RunAsync(content, buffer, filled, partSize, Encrypt, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task PutAsync(string objectKey, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = objectKey,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            AutoCloseStream = true,
            // A signed payload hash from memory instead of aws-chunked encoding: understood by every compatible service.
            UseChunkEncoding = false,
            ContentType = ContentSniffer.OctetStream,
        };
        Encrypt(request);
        await client.PutObjectAsync(request, cancellationToken);
    }

    /// <summary>Sets <c>x-amz-server-side-encryption</c> (and the KMS key) on a PUT or a multipart start, per the setting.</summary>
    private void Encrypt(PutObjectRequest request)
    {
        var method = S3EncryptionSetting.Parse(s3.ServerSideEncryption);
        if (method is not null && method != ServerSideEncryptionMethod.None)
        {
            request.ServerSideEncryptionMethod = method;
            request.ServerSideEncryptionKeyManagementServiceKeyId = string.IsNullOrEmpty(s3.KmsKeyId) ? null : s3.KmsKeyId;
        }
    }

    private void Encrypt(InitiateMultipartUploadRequest request)
    {
        var method = S3EncryptionSetting.Parse(s3.ServerSideEncryption);
        if (method is not null && method != ServerSideEncryptionMethod.None)
        {
            request.ServerSideEncryptionMethod = method;
            request.ServerSideEncryptionKeyManagementServiceKeyId = string.IsNullOrEmpty(s3.KmsKeyId) ? null : s3.KmsKeyId;
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = ObjectKey(key) }, cancellationToken);
            return new S3ObjectStream(client, bucket, ObjectKey(key), head.ContentLength, head.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException("Nothing is stored under this key.", key, e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = ObjectKey(key) }, cancellationToken);

    public string? TryGetPhysicalPath(string key) => null;

    public async Task<Uri?> GetDownloadRedirectAsync(string key, string contentType, string contentDisposition, CancellationToken cancellationToken)
    {
        if (s3.DownloadMode != FileDownloadMode.PresignedRedirect)
        {
            return null;
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = ObjectKey(key),
            Verb = HttpVerb.GET,
            // The SDK measures the lifetime against its own (real) clock, so this uses the real clock too.
            Expires = DateTime.UtcNow + s3.PresignedUrlLifetime,
            Protocol = s3.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
            ResponseHeaderOverrides = new ResponseHeaderOverrides { ContentType = contentType, ContentDisposition = contentDisposition },
        };
        return new Uri(await client.GetPreSignedURLAsync(request));
    }
}
