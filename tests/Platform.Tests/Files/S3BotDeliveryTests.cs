using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Tests.Bots;

namespace Platform.Tests.Files;

/// <summary>With goods in S3, the bot uploads the file to Telegram from the bucket (then caches its file_id as before) and the link serves it.</summary>
[Collection(BotTests.Collection)]
public sealed partial class S3BotDeliveryTests(StorageS3BotAppFactory app) : IClassFixture<StorageS3BotAppFactory>
{
    [Fact]
    public async Task A_bought_file_is_sent_by_sendDocument_from_the_bucket_and_its_link_serves_it()
    {
        var store = await TestStore.CreateAsync(app, "S3Books");
        var ebook = RandomNumberGenerator.GetBytes(6 * 1024 * 1024 + 3); // a multipart upload; read back over several ranged GETs
        var fileId = await store.UploadAsync(ebook, "ebook.pdf");
        var productId = await store.WithScopeAsync(async sp =>
        {
            var created = await sp.GetRequiredService<ProductService>().CreateAsync(new ProductInput
            {
                Kind = ProductKind.File,
                Title = "Ebook",
                Description = "A book",
                PriceStars = 50,
                FileId = fileId,
                State = ProductState.Published,
                DownloadLimit = 5,
            }, CancellationToken.None);
            return created.Value!.Id;
        });
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ann", stars: 500);

        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("S3Books", StringComparison.Ordinal) == true);
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(productId))).GetProperty("status").GetString());
        var document = await buyer.WaitForAsync(m => SandboxClient.Has(m, "document"));
        var received = await app.Telegram.DownloadAsync(document.GetProperty("document").GetProperty("url").GetString()!);
        Assert.Equal(SHA256.HashData(ebook), SHA256.HashData(received));
        Assert.Equal(1, await store.WithDbAsync(db => db.TelegramFileCache.CountAsync(c => c.FileId == fileId)));

        var linkMessage = await buyer.WaitForAsync(SandboxMessages.HasDownloadButton);
        var link = new Uri(SandboxMessages.DownloadUrl(linkMessage)!);
        using var http = app.CreateHttpClient();
        Assert.Equal(SHA256.HashData(ebook), SHA256.HashData(await http.GetByteArrayAsync(link.PathAndQuery)));
    }
}
