using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Files;

namespace Platform.Tests.Files;

/// <summary>
/// Goods in S3 with <c>PresignedRedirect</c>: <c>/d/</c> still checks the token and the order and counts exactly as when
/// streaming, then answers 302 to a short-lived presigned GET on the bucket, which serves the bytes and the ranges.
/// </summary>
public sealed class S3RedirectedDownloadTests(StorageS3RedirectAppFactory app) : IClassFixture<StorageS3RedirectAppFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. RandomNumberGenerator.GetBytes(400_000)];

    private Task<int> DownloadCountAsync(Platform.Core.Tenancy.TenantInfo tenant, Guid orderId) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.Where(o => o.Id == orderId).Select(o => o.DownloadCount)
            .FirstAsync());

    [Fact]
    public async Task A_checked_download_is_counted_then_redirected_to_a_presigned_bucket_URL_that_serves_the_bytes()
    {
        var (tenant, _) = await app.NewStoreAsync("S3redir");
        var file = await app.UploadAsync(tenant, Pdf, "Guide «2026».pdf");
        var (_, order) = await app.PaidFileOrderAsync(tenant, file, downloadLimit: 1);
        var url = await app.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(order.Id, file.Id)));
        Assert.StartsWith(app.BaseAddress.ToString(), url.ToString(), StringComparison.Ordinal); // the link we send: our public URL
        using var client = app.CreateHttpClient();

        // HEAD is answered by the app, with GET's headers, and counts nothing.
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(Pdf.Length, head.Content.Headers.ContentLength);
        Assert.Equal(0, await DownloadCountAsync(tenant, order.Id));

        using var redirect = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.StartsWith(app.S3rver.ServiceUrl.ToString(), location.ToString(), StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=300", location.Query, StringComparison.Ordinal);
        Assert.Equal(1, await DownloadCountAsync(tenant, order.Id));

        using var bucket = new HttpClient();
        using var bytes = await bucket.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, bytes.StatusCode);
        Assert.Equal(SHA256.HashData(Pdf), SHA256.HashData(await bytes.Content.ReadAsByteArrayAsync()));
        Assert.Equal("application/pdf", bytes.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Guide «2026».pdf", bytes.Content.Headers.ContentDisposition!.FileNameStar);

        // Resuming: not counted again, redirected too; a client following the redirect keeps its Range.
        using var following = app.CreateHttpClient(followRedirects: true);
        using var resume = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100_000, null) } };
        using var partial = await following.SendAsync(resume);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(Pdf[100_000..], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await DownloadCountAsync(tenant, order.Id));

        // The limit (1) is used: a refusal page, never a redirect.
        using var refused = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public async Task A_refunded_order_gets_its_page_and_no_bucket_URL()
    {
        var (tenant, _) = await app.NewStoreAsync("S3refund");
        var file = await app.UploadAsync(tenant, Pdf, "book.pdf");
        var (_, order) = await app.PaidFileOrderAsync(tenant, file);
        var url = await app.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(order.Id, file.Id)));
        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.Where(o => o.Id == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, Platform.Core.Orders.OrderStatus.Refunded)));
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
