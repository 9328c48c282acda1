using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Bots;

/// <summary>
/// The storefront in the bot: welcome, categories, product pages (8 per page) and product cards. Reads published
/// products of the current tenant only (the tenant filter and row-level security both apply).
/// </summary>
public sealed class CatalogView(PlatformDbContext db, BotPhotoSender photos)
{
    public const int PageSize = 8;

    /// <summary>/start: the merchant's welcome image (when set) with the welcome text, and the main buttons.</summary>
    public async Task WelcomeAsync(BotChat chat, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(chat.Settings?.WelcomeText) ? chat.Texts.Welcome(chat.StoreName) : chat.Settings.WelcomeText;
        var markup = new InlineKeyboardMarkup([
            [InlineKeyboardButton.WithCallbackData(ButtonText(chat, "catalog", chat.Texts.CatalogButton), "c:root:0")],
            [InlineKeyboardButton.WithCallbackData(ButtonText(chat, "orders", chat.Texts.OrdersButton), "orders")],
        ]);
        if (chat.Settings?.WelcomeImageFileId is { } image && await FindFileAsync(image, cancellationToken) is { } file)
        {
            await photos.SendAsync(chat, file, text, markup, cancellationToken);
            return;
        }

        await chat.SendTextAsync(Cut(text, BotPhotoSender.MessageMaxLength), markup, cancellationToken);
    }

    /// <summary>The root: categories when the store has them, else the first page of all products.</summary>
    public async Task ShowRootAsync(BotChat chat, int? editMessageId, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        if (categories.Count == 0)
        {
            await ShowPageAsync(chat, null, 0, editMessageId, cancellationToken);
            return;
        }

        var rows = categories.Select(c => new[] { InlineKeyboardButton.WithCallbackData(c.Name, $"c:{c.Id:N}:0") }).ToList();
        rows.Add([InlineKeyboardButton.WithCallbackData(chat.Texts.AllProducts, "c:all:0")]);
        await ShowAsync(chat, chat.Texts.CatalogTitle, new InlineKeyboardMarkup(rows), editMessageId, cancellationToken);
    }

    public async Task ShowPageAsync(BotChat chat, Guid? categoryId, int page, int? editMessageId, CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking().Where(p => p.State == ProductState.Published);
        if (categoryId is { } category)
        {
            query = query.Where(p => p.CategoryId == category);
        }

        var products = await query.OrderBy(p => p.SortOrder).ThenBy(p => p.Title)
            .Skip(page * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        if (products.Count == 0 && page == 0)
        {
            await ShowAsync(chat, chat.Texts.CatalogEmpty, null, editMessageId, cancellationToken);
            return;
        }

        var key = categoryId?.ToString("N") ?? "all";
        var rows = products.Take(PageSize)
            .Select(p => new[] { InlineKeyboardButton.WithCallbackData($"{p.Title} · {p.PriceStars} ⭐", $"p:{p.Id:N}") }).ToList();
        var nav = new List<InlineKeyboardButton>();
        if (page > 0)
        {
            nav.Add(InlineKeyboardButton.WithCallbackData(chat.Texts.Previous, $"c:{key}:{page - 1}"));
        }

        if (products.Count > PageSize)
        {
            nav.Add(InlineKeyboardButton.WithCallbackData(chat.Texts.Next, $"c:{key}:{page + 1}"));
        }

        if (nav.Count > 0)
        {
            rows.Add([.. nav]);
        }

        await ShowAsync(chat, chat.Texts.CatalogTitle, new InlineKeyboardMarkup(rows), editMessageId, cancellationToken);
    }

    public async Task ShowProductAsync(BotChat chat, Guid productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId && p.State == ProductState.Published, cancellationToken);
        if (product is null)
        {
            await chat.SendTextAsync(chat.Texts.ProductUnavailable, null, cancellationToken);
            return;
        }

        var text = $"{product.Title}\n\n{product.Description}\n\n{product.PriceStars} ⭐";
        var markup = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(chat.Texts.Buy(product.PriceStars), $"b:{product.Id:N}")]]);
        if (product.PhotoFileId is { } photo && await FindFileAsync(photo, cancellationToken) is { } file)
        {
            await photos.SendAsync(chat, file, text, markup, cancellationToken);
            return;
        }

        await chat.SendTextAsync(Cut(text, BotPhotoSender.MessageMaxLength), markup, cancellationToken);
    }

    /// <summary>A deleted image leaves the setting pointing nowhere for a moment: then the text goes alone.</summary>
    private Task<StoredFile?> FindFileAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    private static Task ShowAsync(BotChat chat, string text, InlineKeyboardMarkup? markup, int? editMessageId, CancellationToken cancellationToken) =>
        editMessageId is { } id
            ? chat.SendAsync(ct => chat.Client.EditMessageText(chat.ChatId, id, text, replyMarkup: markup, cancellationToken: ct), cancellationToken)
            : chat.SendTextAsync(text, markup, cancellationToken);

    private static string ButtonText(BotChat chat, string key, string fallback)
    {
        try
        {
            using var json = JsonDocument.Parse(chat.Settings?.ButtonTexts ?? "{}");
            return json.RootElement.TryGetProperty(key, out var value) && value.GetString() is { Length: > 0 } text ? text : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    internal static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
