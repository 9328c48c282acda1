using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Web.Files;

namespace Platform.Tests.Files;

/// <summary>Goods in S3, streamed: a portal upload lands in the bucket in parts, and <c>/d/</c> serves it whole, by range and to HEAD.</summary>
public sealed class S3StreamedDownloadTests(StorageS3StreamAppFactory app) : IClassFixture<StorageS3StreamAppFactory>
{
    [Fact]
    public async Task A_portal_upload_lands_in_the_bucket_and_the_buyers_link_streams_it_whole_and_resumed_by_range()
    {
        var (tenant, email) = await app.NewStoreAsync("S3shop");
        using var merchant = await app.SignedInClientAsync(email, tenant);
        var bytes = RandomNumberGenerator.GetBytes(7 * 1024 * 1024 + 5); // above the 5 MiB threshold: a multipart upload
        "%PDF-1.7\n"u8.CopyTo(bytes);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", "Course «1».pdf");
        using var uploaded = await merchant.PostAsync($"/stores/{tenant.Slug}/files/upload", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var body = (await uploaded.Content.ReadFromJsonAsync<FileResponse>())!;
        var file = (await app.InTenantAsync(tenant, sp => sp.GetRequiredService<FileUploadService>().FindAsync(body.Id, CancellationToken.None)))!;

        using (var bucket = app.BucketClient())
        {
            var head = await bucket.GetObjectMetadataAsync(StorageS3rver.Bucket, $"{app.KeyPrefix}/{file.StorageKey}");
            Assert.Equal(bytes.Length, head.ContentLength);
        }

        Assert.Null(app.Services.GetRequiredService<IFileStorage>().TryGetPhysicalPath(file.StorageKey));
        var (_, order) = await app.PaidFileOrderAsync(tenant, file, downloadLimit: 1);
        var url = await app.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(order.Id, file.Id)));
        using var client = app.CreateHttpClient();

        using var probe = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(bytes.Length, probe.Content.Headers.ContentLength);

        // A front nginx announcing X-Accel-Redirect cannot reach a bucket: the app streams instead.
        using var whole = new HttpRequestMessage(HttpMethod.Get, url);
        whole.Headers.Add("X-Sendfile-Type", "X-Accel-Redirect");
        using var response = await client.SendAsync(whole);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Accel-Redirect"));
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Course «1».pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);

        using var resume = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(3_000_000, 5_999_999) } };
        using var partial = await client.SendAsync(resume);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes.AsSpan(3_000_000, 3_000_000).ToArray(), await partial.Content.ReadAsByteArrayAsync());

        Assert.Equal(1, await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders
            .Where(o => o.Id == order.Id).Select(o => o.DownloadCount).FirstAsync()));
        using var again = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_file_in_the_portal_removes_its_object_from_the_bucket()
    {
        var (tenant, _) = await app.NewStoreAsync("S3del");
        var file = await app.UploadAsync(tenant, RandomNumberGenerator.GetBytes(1000), "notes.bin");
        Assert.Null(await app.InTenantAsync(tenant, sp => sp.GetRequiredService<FileUploadService>().DeleteAsync(file.Id, CancellationToken.None)));
        using var bucket = app.BucketClient();
        var missing = await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() =>
            bucket.GetObjectMetadataAsync(StorageS3rver.Bucket, $"{app.KeyPrefix}/{file.StorageKey}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
