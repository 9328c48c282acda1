using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Core.Files;

namespace Platform.Tests.Files;

/// <summary>
/// The storage contract against a real S3 API (s3rver over loopback, path-style, SigV4), plus what only S3 has:
/// multipart above the threshold, the encryption header, the key prefix and presigned download URLs.
/// </summary>
public sealed class S3FileStorageShould(StorageS3rver s3rver) : FileStorageContract, IClassFixture<StorageS3rver>, IDisposable
{
    private readonly string prefix = "contract-" + Guid.NewGuid().ToString("N")[..8];
    private readonly StorageS3Requests requests = new();
    private readonly List<IAmazonS3> clients = [];
    private S3FileStorage? storage;

    protected override IFileStorage Storage => storage ??= Create(o => o.ServerSideEncryption = S3EncryptionSetting.Aes256);

    private S3FileStorage Create(Action<S3StorageOptions> configure)
    {
        var options = s3rver.Options(prefix);
        configure(options);
        var client = S3ClientFactory.Create(options, requests);
        clients.Add(client);
        return new S3FileStorage(client, Options.Create(new FileStorageOptions { Provider = FileStorageProvider.S3, S3 = options }),
            NullLogger<S3FileStorage>.Instance);
    }

    [Fact]
    public async Task Send_a_file_above_the_threshold_in_parts_and_one_below_in_a_single_PUT()
    {
        var large = NewKey();
        await Storage.WriteAsync(large, new StorageUploadStream(Bytes(LargeSize)), CancellationToken.None);
        var parts = requests.Sent.Where(r => r.Method == "PUT" && r.IsPart && r.PathAndQuery.Contains(large, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, parts.Count); // 20 MB in 5 MiB parts: three whole and a last, smaller one

        var small = NewKey();
        await Storage.WriteAsync(small, new StorageUploadStream(Bytes(5 * 1024 * 1024)), CancellationToken.None); // exactly the threshold
        var puts = requests.Sent.Where(r => r.PathAndQuery.Contains(small, StringComparison.Ordinal) && r.Method == "PUT").ToList();
        Assert.False(Assert.Single(puts).IsPart);
    }

    [Fact]
    public async Task Ask_for_AES256_encryption_on_every_write_when_set()
    {
        var small = NewKey();
        var large = NewKey();
        await Storage.WriteAsync(small, new StorageUploadStream(Bytes(1000)), CancellationToken.None);
        await Storage.WriteAsync(large, new StorageUploadStream(Bytes(LargeSize)), CancellationToken.None);

        // s3rver accepts the header without encrypting; AWS S3 encrypts at rest with it.
        Assert.Equal("AES256", requests.Sent.Single(r => r.Method == "PUT" && r.PathAndQuery.Contains(small, StringComparison.Ordinal)).Encryption);
        Assert.Equal("AES256", requests.Sent.Single(r => r.Method == "POST" && r.PathAndQuery.Contains(large, StringComparison.Ordinal)
            && r.PathAndQuery.Contains("uploads", StringComparison.Ordinal)).Encryption);
    }

    [Fact]
    public async Task Name_the_KMS_key_with_aws_kms_and_send_no_encryption_header_with_None()
    {
        var kms = Create(o => (o.ServerSideEncryption, o.KmsKeyId) = (S3EncryptionSetting.Kms, "alias/starfront-goods"));
        var kmsKey = NewKey();
        try
        {
            await kms.WriteAsync(kmsKey, new StorageUploadStream(Bytes(100)), CancellationToken.None);
        }
        catch (AmazonS3Exception)
        {
            // A server without KMS may refuse; what matters here is what was asked for.
        }

        var sent = requests.Sent.First(r => r.PathAndQuery.Contains(kmsKey, StringComparison.Ordinal));
        Assert.Equal(("aws:kms", "alias/starfront-goods"), (sent.Encryption, sent.KmsKeyId));

        var plainKey = NewKey();
        await Create(o => o.ServerSideEncryption = S3EncryptionSetting.None).WriteAsync(plainKey, new StorageUploadStream(Bytes(100)), CancellationToken.None);
        Assert.Null(requests.Sent.Single(r => r.PathAndQuery.Contains(plainKey, StringComparison.Ordinal)).Encryption);
    }

    [Fact]
    public async Task Keep_objects_under_the_key_prefix_and_give_no_physical_path()
    {
        var key = NewKey();
        var content = Bytes(100);
        await Storage.WriteAsync(key, new StorageUploadStream(content), CancellationToken.None);
        using var raw = S3ClientFactory.Create(s3rver.Options(prefix));
        using var response = await raw.GetObjectAsync(StorageS3rver.Bucket, $"{prefix}/{key}");
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Null(Storage.TryGetPhysicalPath(key));
    }

    [Fact]
    public async Task Redirect_only_in_PresignedRedirect_mode_to_a_URL_that_serves_the_bytes_with_the_given_headers()
    {
        var key = NewKey();
        var content = Bytes(200_000);
        await Storage.WriteAsync(key, new StorageUploadStream(content), CancellationToken.None);
        Assert.Null(await Storage.GetDownloadRedirectAsync(key, "application/pdf", "attachment", CancellationToken.None));

        var redirecting = Create(o => (o.DownloadMode, o.PresignedUrlLifetime) = (FileDownloadMode.PresignedRedirect, TimeSpan.FromMinutes(2)));
        var url = await redirecting.GetDownloadRedirectAsync(key, "application/pdf", "attachment; filename=book.pdf", CancellationToken.None);
        Assert.NotNull(url);
        Assert.StartsWith(s3rver.ServiceUrl.ToString(), url.ToString(), StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=120", url.Query, StringComparison.Ordinal);

        using var http = new HttpClient(); // no credentials: the URL alone is the permission
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("book.pdf", response.Content.Headers.ContentDisposition!.FileName);

        // s3rver does not verify SigV4 signatures, so a tampered or expired URL cannot be shown refused here (AWS S3 refuses it).
    }

    public void Dispose()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
