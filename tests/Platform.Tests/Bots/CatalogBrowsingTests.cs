using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Outbound.Texts;

namespace Platform.Tests.Bots;

/// <summary>Browsing in the bot: categories, pages of eight edited in place, and product cards opened by deep link.</summary>
[Collection(BotTests.Collection)]
public sealed class CatalogBrowsingTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private static readonly BotTexts Texts = BotTexts.English;

    [Fact]
    public async Task Catalog_pages_a_category_eight_at_a_time_in_the_merchants_order_editing_one_message()
    {
        var store = await TestStore.CreateAsync(app, "Shelves");
        var books = await store.AddCategoryAsync("Books", 0);
        var games = await store.AddCategoryAsync("Games", 1);
        var drafts = await store.AddCategoryAsync("Drafts", 2);
        var vacant = await store.AddCategoryAsync("Vacant", 3);
        var bookIds = new List<Guid>();
        for (var i = 1; i <= 10; i++)
        {
            bookIds.Add(await store.AddTextProductAsync($"Book {i:00}", 3, "words", p => p.CategoryId = books));
        }

        var gameA = await store.AddTextProductAsync("Game A", 4, "play", p => p.CategoryId = games);
        var gameB = await store.AddTextProductAsync("Game B", 4, "play", p => (p.CategoryId, p.SortOrder) = (games, -1));
        await store.AddTextProductAsync("Unfinished", 4, "draft", p => (p.CategoryId, p.State) = (drafts, ProductState.Draft));
        var loose = await store.AddTextProductAsync("Loose leaf", 2, "paper");

        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Browser");
        await buyer.SendAsync("/catalog");
        var root = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "c:"));
        Assert.Equal(Texts.ChooseShelf, SandboxClient.Text(root));
        // Only shelves with something on sale: an empty or drafts-only category would open onto nothing.
        Assert.Equal([$"c:{books:N}:0", $"c:{games:N}:0", "c:all:0"], Callbacks(root));
        Assert.DoesNotContain(Callbacks(root), d => d.Contains($"{drafts:N}") || d.Contains($"{vacant:N}"));
        var id = root.GetProperty("message_id").GetInt32();

        await buyer.PressAsync(root, $"c:{books:N}:0");
        var first = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, "p:"));
        Assert.Equal([.. bookIds.Take(8).Select(p => $"p:{p:N}"), $"c:{books:N}:1", "c:root:0"], Callbacks(first));
        Assert.Equal(Texts.Next, ButtonText(first, $"c:{books:N}:1"));
        Assert.Equal("Book 01 · 3 ⭐", ButtonText(first, $"p:{bookIds[0]:N}"));

        // A double tap: the second press asks for the page already shown, which must change nothing and hold nothing up.
        await Task.WhenAll(buyer.PressAsync(first, $"c:{books:N}:1"), buyer.PressAsync(first, $"c:{books:N}:1"));
        var second = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, $"p:{bookIds[8]:N}"));
        Assert.Equal([.. bookIds.Skip(8).Select(p => $"p:{p:N}"), $"c:{books:N}:0", "c:root:0"], Callbacks(second));
        Assert.Equal(Texts.Previous, ButtonText(second, $"c:{books:N}:0"));

        await buyer.PressAsync(second, $"c:{books:N}:0");
        var back = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, $"p:{bookIds[0]:N}"));

        // Back to the shelves, then another category: only its products, the merchant's sort order first.
        Assert.Equal(Texts.Back, ButtonText(back, "c:root:0"));
        await buyer.PressAsync(back, "c:root:0");
        var shelves = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, $"c:{games:N}:0"));
        await buyer.PressAsync(shelves, $"c:{games:N}:0");
        var gamesPage = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, $"p:{gameA:N}"));
        Assert.Equal([$"p:{gameB:N}", $"p:{gameA:N}", "c:root:0"], Callbacks(gamesPage));

        // All products: every published product of every shelf, and the uncategorised one, over two pages.
        await buyer.PressAsync(gamesPage, "c:root:0");
        shelves = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, "c:all:0"));
        await buyer.PressAsync(shelves, "c:all:0");
        var all = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, "c:all:1"));
        await buyer.PressAsync(all, "c:all:1");
        var allSecond = await buyer.WaitForEditAsync(id, m => SandboxClient.HasButton(m, $"p:{loose:N}"));
        var everything = Callbacks(all).Concat(Callbacks(allSecond)).Where(d => d.StartsWith("p:", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, everything.Count);
        Assert.Equal(13, everything.Distinct().Count());
        Assert.Equal($"p:{gameB:N}", everything[0]);

        // The chat holds one catalog message, edited each time, not a trail of pages.
        Assert.Single(await buyer.MessagesAsync(), m => m.GetProperty("from_bot").GetBoolean());
        Assert.Equal(0, await store.WithDbAsync(db => db.InboxUpdates.CountAsync(u => u.Attempts > 0)));
    }

    [Fact]
    public async Task A_store_without_categories_opens_straight_onto_its_products_without_a_back_button()
    {
        var store = await TestStore.CreateAsync(app, "Flat");
        var only = await store.AddTextProductAsync("Only thing", 9, "it");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Flatter");
        await buyer.SendAsync("/catalog");
        var page = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "p:"));
        Assert.Equal([$"p:{only:N}"], Callbacks(page));
    }

    [Fact]
    public async Task A_product_link_opens_its_card_and_a_link_to_an_archived_or_unknown_product_says_it_is_unavailable()
    {
        var store = await TestStore.CreateAsync(app, "Linked");
        var photo = await store.UploadAsync(WelcomeTests.Png, "cover.png");
        var pictured = await store.AddTextProductAsync("Atlas", 7, "maps", p => (p.Description, p.PhotoFileId) = ("Every road.", photo));
        var plain = await store.AddTextProductAsync("Almanac", 5, "dates", p => p.Description = "Every day.");
        var archived = await store.AddTextProductAsync("Old map", 5, "gone", p => p.State = ProductState.Archived);
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Linker");

        await buyer.SendAsync($"/start p_{pictured:N}");
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{pictured:N}"));
        Assert.True(SandboxClient.Has(card, "photo"));
        Assert.Equal("Atlas\n\nEvery road.\n\n7 ⭐", SandboxClient.Text(card));
        Assert.Equal(Texts.Buy(7), ButtonText(card, $"b:{pictured:N}"));

        await buyer.SendAsync($"/start p_{plain}");
        var plainCard = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{plain:N}"));
        Assert.Equal("Almanac\n\nEvery day.\n\n5 ⭐", SandboxClient.Text(plainCard));
        Assert.False(SandboxClient.Has(plainCard, "photo"));

        await buyer.SendAsync($"/start p_{archived:N}");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.ProductUnavailable);
        await buyer.SendAsync($"/start p_{Guid.NewGuid():N}");
        await buyer.WaitForCountAsync(m => SandboxClient.Text(m) == Texts.ProductUnavailable, 2);

        // A deep link is not a /start: no welcome was sent in between.
        Assert.DoesNotContain(await buyer.MessagesAsync(), m => SandboxClient.HasButton(m, "c:root:0"));
    }

    private static List<string> Callbacks(JsonElement message) =>
        message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Select(b => b.GetProperty("callback_data").GetString()!).ToList();

    private static string ButtonText(JsonElement message, string callbackData) =>
        message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .First(b => b.GetProperty("callback_data").GetString() == callbackData).GetProperty("text").GetString()!;
}
