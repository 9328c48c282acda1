using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;

namespace Platform.Tests.Bots;

/// <summary>/start shows the merchant's welcome image with the welcome text, within Telegram's caption limit.</summary>
[Collection(BotTests.Collection)]
public sealed class WelcomeTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    /// <summary>A 1×1 PNG: the sandbox reads its size from the header, the portal's sniffer calls it an image.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task Start_sends_the_welcome_image_with_the_welcome_text_as_caption_and_reuses_its_telegram_file_id()
    {
        var store = await TestStore.CreateAsync(app, "Pixel");
        var image = await store.UploadAsync(Png, "welcome.png");
        await store.UpdateStorefrontAsync(new StorefrontInput { WelcomeText = "Hello from Pixel — pixels for Stars.", WelcomeImageFileId = image });

        var first = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Pia");
        await first.SendAsync("/start");
        var photo = await first.WaitForAsync(m => SandboxClient.Has(m, "photo"));
        Assert.Equal("Hello from Pixel — pixels for Stars.", SandboxClient.Text(photo));
        Assert.True(SandboxClient.HasButton(photo, "c:root:0"));
        Assert.True(SandboxClient.HasButton(photo, "orders"));
        Assert.Equal(Png, await app.Telegram.DownloadAsync(photo.GetProperty("photo").GetProperty("url").GetString()!));
        Assert.Single(await first.MessagesAsync(), m => m.GetProperty("from_bot").GetBoolean());

        // A photo cannot turn into text: its Catalog button brings the catalog as a new message.
        var product = await store.AddTextProductAsync("Pixel pack", 3, "#ff00ff");
        await first.PressAsync(photo, "c:root:0");
        await first.WaitForAsync(m => SandboxClient.HasButton(m, $"p:{product:N}"));
        Assert.Equal("Hello from Pixel — pixels for Stars.", SandboxClient.Text(Assert.Single(await first.MessagesAsync(), m =>
            SandboxClient.Has(m, "photo"))));

        // A second customer gets the same Telegram file: sent by file_id, not uploaded again.
        var second = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Quin");
        await second.SendAsync("/start");
        var again = await second.WaitForAsync(m => SandboxClient.Has(m, "photo"));
        Assert.Equal(FileId(photo), FileId(again));
        Assert.Equal(1, await store.WithDbAsync(db => db.TelegramFileCache.CountAsync(c => c.FileId == image)));
    }

    [Fact]
    public async Task A_welcome_text_longer_than_a_caption_follows_the_photo_as_its_own_message_with_the_buttons()
    {
        var store = await TestStore.CreateAsync(app, "Verbose");
        var image = await store.UploadAsync(Png, "welcome.png");
        var text = "Welcome! " + string.Concat(Enumerable.Repeat("Our shop sells long stories. ", 50)).Trim();
        Assert.True(text.Length > 1024);
        await store.UpdateStorefrontAsync(new StorefrontInput { WelcomeText = text, WelcomeImageFileId = image });

        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Rolf");
        await buyer.SendAsync("/start");
        var message = await buyer.WaitForAsync(m => SandboxClient.Text(m) == text);
        var photo = Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Has(m, "photo"));
        Assert.Null(SandboxClient.Text(photo));
        Assert.True(photo.GetProperty("message_id").GetInt32() < message.GetProperty("message_id").GetInt32());
        Assert.True(SandboxClient.HasButton(message, "c:root:0"));
        Assert.False(SandboxClient.Has(photo, "buttons"));
    }

    private static string FileId(System.Text.Json.JsonElement message) => message.GetProperty("photo").GetProperty("file_id").GetString()!;
}
