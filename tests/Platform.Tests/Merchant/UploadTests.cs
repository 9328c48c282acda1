using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Files;
using Platform.Web.Files;

namespace Platform.Tests.Merchant;

public sealed class UploadTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    /// <summary>Far larger than any buffer on the way (Kestrel's, the multipart reader's, the copy buffer).</summary>
    private static byte[] Zip(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        "PK\u0003\u0004"u8.CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_multipart_upload_is_stored_with_its_checksum_sniffed_type_and_sanitised_name()
    {
        var (tenant, email) = await app.NewStoreAsync("Upload");
        using var client = await app.SignedInClientAsync(email, tenant);
        var bytes = Zip(20 * 1024 * 1024 + 17);
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf"); // a lie; the bytes say ZIP
        form.Add(part, "file", "../../course/Урок 1.zip");
        using var response = await client.PostAsync($"/stores/{tenant.Slug}/files/upload", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<FileResponse>())!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), body.Sha256);
        Assert.Equal(bytes.Length, body.Length);
        Assert.Equal("application/zip", body.ContentType);
        Assert.Equal("Урок 1.zip", body.FileName);

        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<FileUploadService>().FindAsync(body.Id, CancellationToken.None));
        var storage = app.Services.GetRequiredService<IFileStorage>();
        await using var read = await storage.OpenReadAsync(stored!.StorageKey, CancellationToken.None);
        Assert.Equal(body.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(read)));
    }

    [Fact]
    public async Task A_raw_body_upload_takes_its_name_from_the_header()
    {
        var (tenant, email) = await app.NewStoreAsync("Raw");
        using var client = await app.SignedInClientAsync(email, tenant);
        var bytes = "Plain instructions, line one.\nLine two — ünïcödé.\n"u8.ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/stores/{tenant.Slug}/files/upload") { Content = content };
        request.Headers.Add(UploadReader.FileNameHeader, Uri.EscapeDataString("read me.txt"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<FileResponse>())!;
        Assert.Equal("read me.txt", body.FileName);
        Assert.Equal("text/plain; charset=utf-8", body.ContentType);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_nothing_is_kept()
    {
        var (tenant, email) = await app.NewStoreAsync("Big");
        using var client = await app.SignedInClientAsync(email, tenant);
        var bytes = Zip((int)MerchantAppFactory.UploadLimit + 1024);

        // Chunked (no Content-Length), so the limit is found while streaming, not from the header.
        using var stream = new StreamContent(new MemoryStream(bytes));
        stream.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/stores/{tenant.Slug}/files/upload") { Content = new NoLengthContent(stream) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(UploadReader.FileNameHeader, "big.zip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);

        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "big.zip" } };
        using var declared = await client.PostAsync($"/stores/{tenant.Slug}/files/upload", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

        Assert.Empty(await app.InTenantAsync(tenant, sp => sp.GetRequiredService<FileUploadService>().ListAsync(CancellationToken.None)));
        var tenantFolder = Path.Combine(app.FilesRoot, tenant.Id.ToString("N"));
        Assert.True(!Directory.Exists(tenantFolder) || Directory.GetFiles(tenantFolder, "*", SearchOption.AllDirectories).Length == 0);
    }

    [Fact]
    public async Task A_cross_site_upload_is_refused()
    {
        var (tenant, email) = await app.NewStoreAsync("Csrf");
        using var client = await app.SignedInClientAsync(email, tenant);
        using var content = new ByteArrayContent("hello"u8.ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/stores/{tenant.Slug}/files/upload") { Content = content };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void Content_is_sniffed_from_magic_bytes()
    {
        Assert.Equal("application/pdf", ContentSniffer.Sniff("%PDF-1.4"u8));
        Assert.Equal("image/png", ContentSniffer.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal("image/jpeg", ContentSniffer.Sniff([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/gif", ContentSniffer.Sniff("GIF89a...."u8));
        Assert.Equal("video/mp4", ContentSniffer.Sniff([0, 0, 0, 0x18, .. "ftypmp42"u8, 0, 0]));
        byte[] epub = [.. "PK\u0003\u0004"u8, .. new byte[26], .. "mimetypeapplication/epub+zip"u8];
        Assert.Equal("application/epub+zip", ContentSniffer.Sniff(epub));
        Assert.Equal(ContentSniffer.OctetStream, ContentSniffer.Sniff([0, 1, 2, 3, 0xFE]));
        Assert.Equal("file", FileNames.Sanitise("..\\..\\"));
        Assert.Equal("a b.txt", FileNames.Sanitise("C:\\x\\a b.txt"));
    }

    /// <summary>Hides the length so HttpClient sends the body chunked.</summary>
    private sealed class NoLengthContent(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
