using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Files;

namespace Platform.Tests.Merchant;

/// <summary>
/// <c>/d/</c> with the kernel's sendfile straight to the socket (from 1 byte up here, 1 MB by default): the same
/// bytes, headers and ranges as the copy loop, and the copy loop whenever a connection already served a request.
/// </summary>
public sealed class ZeroCopyDownloadTests(ZeroCopyDownloadTests.Host app) : IClassFixture<ZeroCopyDownloadTests.Host>
{
    public sealed class Host : MerchantAppFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Downloads:ZeroCopyMinBytes"] = "1";
        }
    }

    private static readonly byte[] Archive = RandomNumberGenerator.GetBytes(3_000_000);

    private async Task<Uri> PaidLinkAsync()
    {
        var (tenant, _) = await app.NewStoreAsync("Zero");
        var file = await app.UploadAsync(tenant, Archive, "course «v2».zip");
        var (_, order) = await app.PaidFileOrderAsync(tenant, file, 5);
        return await app.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<DownloadLinkFactory>().CreateUrl(order.Id, file.Id)));
    }

    [Fact]
    public async Task A_first_request_gets_the_exact_bytes_and_headers_by_sendfile_and_the_connection_closes()
    {
        var url = await PaidLinkAsync();
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose, "the zero-copy path closes the connection");
        Assert.Equal(Archive.Length, response.Content.Headers.ContentLength);
        Assert.Equal(SHA256.HashData(Archive), SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("course «v2».zip", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_resumed_range_is_sent_from_its_offset()
    {
        var url = await PaidLinkAsync();
        using (var client = app.CreateHttpClient())
        {
            (await client.GetAsync(url)).Dispose(); // the counted first download
        }

        using var resume = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(1_000_001, 2_500_000) } };
        using var response = await resume.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose);
        Assert.Equal("bytes 1000001-2500000/3000000", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Archive[1_000_001..2_500_001], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_download_on_a_connection_that_served_a_request_before_uses_the_copy_loop()
    {
        var url = await PaidLinkAsync();
        using var client = app.CreateHttpClient();
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.False(head.Headers.ConnectionClose ?? false);
        }

        using var response = await client.GetAsync(url);
        Assert.False(response.Headers.ConnectionClose ?? false, "the same keep-alive connection went on");
        Assert.Equal(SHA256.HashData(Archive), SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
    }
}
