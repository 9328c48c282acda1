using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Files;

/// <summary>
/// One multipart upload of an object larger than the threshold: parts of a fixed size (the last may be smaller) sent
/// one at a time from a single buffer, then completed. Any failure or cancellation aborts the upload, so S3 never shows
/// a half object (a bucket lifecycle rule "abort incomplete multipart uploads" cleans up what an abort could not reach).
/// </summary>
internal sealed class S3MultipartUpload(IAmazonS3 client, string bucket, string objectKey, ILogger logger)
{
    /// <summary>Reads until <paramref name="count"/> bytes are in or the stream ends; returns how many were read.</summary>
    public static async Task<int> FillAsync(Stream content, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < count)
        {
            var read = await content.ReadAsync(buffer.AsMemory(offset + total, count - total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <param name="content">The rest of the upload, after the <paramref name="buffered"/> bytes already in <paramref name="buffer"/>.</param>
    /// <param name="buffer">At least <paramref name="partSize"/> long.</param>
    /// <param name="buffered">Bytes of the upload already read into the start of <paramref name="buffer"/>.</param>
    /// <param name="partSize">Every part but the last.</param>
    /// <param name="encrypt">Sets the server-side encryption headers on the start request.</param>
    /// <param name="cancellationToken">Aborts the upload.</param>
    public async Task RunAsync(Stream content, byte[] buffer, int buffered, int partSize, Action<InitiateMultipartUploadRequest> encrypt,
        CancellationToken cancellationToken)
    {
        var start = new InitiateMultipartUploadRequest { BucketName = bucket, Key = objectKey, ContentType = ContentSniffer.OctetStream };
        encrypt(start);
        var uploadId = (await client.InitiateMultipartUploadAsync(start, cancellationToken)).UploadId;
        var parts = new List<PartETag>();
        try
        {
            while (true)
            {
                var offset = 0;
                for (; buffered - offset >= partSize; offset += partSize)
                {
                    parts.Add(await UploadPartAsync(uploadId, parts.Count + 1, buffer, offset, partSize, cancellationToken));
                }

                buffered -= offset;
                Buffer.BlockCopy(buffer, offset, buffer, 0, buffered);
                buffered += await FillAsync(content, buffer, buffered, partSize - buffered, cancellationToken);
                if (buffered < partSize)
                {
                    if (buffered > 0)
                    {
                        parts.Add(await UploadPartAsync(uploadId, parts.Count + 1, buffer, 0, buffered, cancellationToken));
                    }

                    break;
                }
            }

            await client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = objectKey, UploadId = uploadId, PartETags = parts }, cancellationToken);
        }
        catch
        {
            await AbortAsync(uploadId);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(string uploadId, int number, byte[] buffer, int offset, int length, CancellationToken cancellationToken)
    {
        var response = await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = objectKey,
            UploadId = uploadId,
            PartNumber = number,
            InputStream = new MemoryStream(buffer, offset, length, writable: false),
            PartSize = length,
            UseChunkEncoding = false,
        }, cancellationToken);
        return new PartETag(number, response.ETag);
    }

    private async Task AbortAsync(string uploadId)
    {
        try
        {
            // Not the caller's token: a cancelled upload must still be aborted.
            await client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = bucket, Key = objectKey, UploadId = uploadId }, CancellationToken.None);
        }
        catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or IOException)
        {
            // The object never appeared (no completion was sent); only stored parts are left for the lifecycle rule.
            logger.LogWarning(e, "Could not abort a failed multipart upload in bucket {Bucket}; its parts stay until a lifecycle rule removes them.", bucket);
        }
    }
}
