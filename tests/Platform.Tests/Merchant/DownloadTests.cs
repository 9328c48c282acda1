using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Orders;

namespace Platform.Tests.Merchant;

public sealed class DownloadTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. RandomNumberGenerator.GetBytes(300_000)];

    private async Task<(Uri Url, StoredFile File, Order Order, Platform.Core.Tenancy.TenantInfo Tenant)> PaidAsync(int limit = 5,
        string name = "Guide «2026».pdf")
    {
        var (tenant, _) = await app.NewStoreAsync("Shop");
        var file = await app.UploadAsync(tenant, Pdf, name);
        var (_, order) = await app.PaidFileOrderAsync(tenant, file, limit);
        var url = await app.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(order.Id, file.Id)));
        return (url, file, order, tenant);
    }

    [Fact]
    public async Task A_valid_link_streams_the_exact_bytes_as_an_attachment_with_validators()
    {
        var (url, file, _, _) = await PaidAsync();
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{file.Sha256}\"", response.Headers.ETag!.Tag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Guide «2026».pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
    }

    [Fact]
    public async Task Ranges_answer_206_and_416_and_a_matching_etag_answers_304_without_counting()
    {
        var (url, file, order, tenant) = await PaidAsync(limit: 1);
        using var client = app.CreateHttpClient();

        using var first = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(0, 99) } };
        using var partial = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(Pdf[..100], await partial.Content.ReadAsByteArrayAsync());

        // Resuming later in the file is not a new download: allowed even though the limit (1) is used.
        using var rest = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, null) } };
        using var tail = await client.SendAsync(rest);
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(Pdf[100..], await tail.Content.ReadAsByteArrayAsync());

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(Pdf.Length + 10, null) } };
        using var unsatisfiable = await client.SendAsync(beyond);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file.Sha256}\""));
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        Assert.Equal(1, await DownloadCountAsync(tenant, order.Id));
        using var again = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("Download limit reached", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_download_limit_counts_whole_downloads_and_then_refuses_with_a_page()
    {
        var (url, _, order, tenant) = await PaidAsync(limit: 2);
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        using var third = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Equal("text/html", third.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, await DownloadCountAsync(tenant, order.Id));
    }

    [Fact]
    public async Task HEAD_answers_with_the_headers_of_GET_and_no_body_and_is_never_counted()
    {
        var (url, file, order, tenant) = await PaidAsync(limit: 1);
        using var client = app.CreateHttpClient();

        for (var i = 0; i < 3; i++)
        {
            using var probe = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
            Assert.Empty(await probe.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(0, await DownloadCountAsync(tenant, order.Id));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(Pdf.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal($"\"{file.Sha256}\"", head.Headers.ETag!.Tag);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
        Assert.Equal("bytes", Assert.Single(head.Headers.AcceptRanges));
        Assert.Equal(get.Content.Headers.ContentDisposition, head.Content.Headers.ContentDisposition);
        Assert.Equal("Guide «2026».pdf", head.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(1, await DownloadCountAsync(tenant, order.Id));

        // The limit (1) is used: HEAD now answers what GET answers, and still counts nothing.
        using var exhausted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.Forbidden, exhausted.StatusCode);
        Assert.Empty(await exhausted.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(1, await DownloadCountAsync(tenant, order.Id));
    }

    [Fact]
    public async Task HEAD_mirrors_GET_for_conditional_resumed_and_refunded_requests()
    {
        var (url, file, order, tenant) = await PaidAsync();
        using var client = app.CreateHttpClient();

        using var conditional = new HttpRequestMessage(HttpMethod.Head, url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file.Sha256}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
        // Resuming before any download started is refused by GET, so by HEAD too.
        using var resume = new HttpRequestMessage(HttpMethod.Head, url) { Headers = { Range = new RangeHeaderValue(100, null) } };
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await client.SendAsync(resume)).StatusCode);
        Assert.Equal(0, await DownloadCountAsync(tenant, order.Id));

        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.Where(o => o.Id == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Refunded)));
        Assert.Equal(HttpStatusCode.Gone, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url))).StatusCode);
    }

    [Fact]
    public async Task A_tampered_link_is_403_and_an_expired_link_is_410_each_with_a_friendly_page()
    {
        var (url, file, order, tenant) = await PaidAsync();
        using var client = app.CreateHttpClient();
        var token = url.AbsolutePath["/d/".Length..];
        var flipped = (token[5] == 'A' ? 'B' : 'A') + "";
        using var tampered = await client.GetAsync("/d/" + token[..5] + flipped + token[6..]);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Contains("not valid", await tampered.Content.ReadAsStringAsync());
        using var garbage = await client.GetAsync("/d/not-a-token");
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);

        var expiredToken = app.Services.GetRequiredService<DownloadTokens>()
            .Create(new DownloadToken(tenant.Id, order.Id, file.Id, DateTimeOffset.UtcNow.AddMinutes(-1)));
        using var expired = await client.GetAsync("/d/" + expiredToken);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refunded_purchase_is_410_and_an_archived_product_still_downloads()
    {
        var (url, _, order, tenant) = await PaidAsync();
        using var client = app.CreateHttpClient();
        await app.InTenantAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<ProductService>().ArchiveAsync(order.ProductId, CancellationToken.None);
            return 0;
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.Where(o => o.Id == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Refunded)));
        using var refunded = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, refunded.StatusCode);
        Assert.Contains("refunded", await refunded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_link_for_a_file_that_is_not_the_orders_product_or_of_another_store_finds_nothing()
    {
        var (_, _, order, tenant) = await PaidAsync();
        var (other, _) = await app.NewStoreAsync("Other");
        var otherFile = await app.UploadAsync(other, Pdf, "other.pdf");
        var ownOther = await app.UploadAsync(tenant, Pdf, "unrelated.pdf");
        var tokens = app.Services.GetRequiredService<DownloadTokens>();
        using var client = app.CreateHttpClient();
        var later = DateTimeOffset.UtcNow.AddHours(1);
        // Another store's file under this store's order, and this store's order under another store's tenant id.
        using var foreign = await client.GetAsync("/d/" + tokens.Create(new DownloadToken(tenant.Id, order.Id, otherFile.Id, later)));
        using var unrelated = await client.GetAsync("/d/" + tokens.Create(new DownloadToken(tenant.Id, order.Id, ownOther.Id, later)));
        using var crossTenant = await client.GetAsync("/d/" + tokens.Create(new DownloadToken(other.Id, order.Id, ownOther.Id, later)));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unrelated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossTenant.StatusCode);
    }

    private Task<int> DownloadCountAsync(Platform.Core.Tenancy.TenantInfo tenant, Guid orderId) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.Where(o => o.Id == orderId).Select(o => o.DownloadCount)
            .FirstAsync());

    [Fact]
    public async Task Behind_a_front_nginx_the_bytes_are_handed_over_with_X_Accel_Redirect_after_the_checks()
    {
        var (url, file, order, tenant) = await PaidAsync(limit: 1);
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Sendfile-Type", "X-Accel-Redirect");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<FileUploadService>().FindAsync(file.Id, CancellationToken.None));
        Assert.Equal("/_files/" + stored!.StorageKey, response.Headers.GetValues("X-Accel-Redirect").Single());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Guide «2026».pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(1, await DownloadCountAsync(tenant, order.Id));

        // The limit still applies: the proxy only copies bytes the app has allowed.
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.Add("X-Sendfile-Type", "X-Accel-Redirect");
        using var refused = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("X-Accel-Redirect"));
    }
}
