using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Outbound;
using Platform.Core.Outbound.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Conversation;

/// <summary>
/// The storefront in the bot: welcome, shelves (categories), product pages (8 per page) and product cards. Reads through
/// the catalog side's <see cref="CatalogReader"/>: published products of the current tenant only, in the merchant's order.
/// Plans (subscription products) sit beside one-time products, priced per month. The merchant's texts are
/// <see cref="RichText"/> and go in Telegram's HTML parse mode; the catalog screens are plain text.
/// </summary>
public sealed class CatalogView(CatalogReader catalog, FileUploadService files, BotPhotoSender photos, PlatformDbContext db)
{
    public const int PageSize = 8;

    /// <summary>/start: the merchant's welcome image (when set) with the welcome text, and the main buttons.</summary>
    public async Task WelcomeAsync(BotChat chat, CancellationToken cancellationToken)
    {
        var storefront = chat.Storefront;
        var html = WelcomeHtml(storefront, chat.Texts);
        var plans = await db.Products.AnyAsync(p => p.Kind == ProductKind.Subscription && p.State == ProductState.Published, cancellationToken);
        var markup = StorefrontKeyboard.Welcome(chat, plans);
        if (storefront.WelcomeImageFileId is { } image && await files.FindAsync(image, cancellationToken) is { } file)
        {
            await photos.SendAsync(chat, file, html, markup, cancellationToken);
            return;
        }

        await chat.SendHtmlAsync(html, markup, cancellationToken);
    }

    /// <summary>The root: the shelves that have something on sale, else the first page of all products.</summary>
    public async Task ShowRootAsync(BotChat chat, int? editMessageId, CancellationToken cancellationToken)
    {
        var categories = await catalog.ListCategoriesAsync(cancellationToken);
        if (categories.Count == 0)
        {
            await ShowPageAsync(chat, null, 0, categories, editMessageId, cancellationToken);
            return;
        }

        var rows = categories.Select(c => new[] { InlineKeyboardButton.WithCallbackData(c.Name, $"c:{c.Id:N}:0") }).ToList();
        rows.Add([InlineKeyboardButton.WithCallbackData(chat.Texts.AllProducts, "c:all:0")]);
        await ShowAsync(chat, chat.Texts.ChooseShelf, new InlineKeyboardMarkup(rows), editMessageId, cancellationToken);
    }

    /// <summary>A page of a shelf (all products when <paramref name="categoryId"/> is null), with a way back to the shelves.</summary>
    public async Task ShowPageAsync(BotChat chat, Guid? categoryId, int page, int? editMessageId, CancellationToken cancellationToken) =>
        await ShowPageAsync(chat, categoryId, page, await catalog.ListCategoriesAsync(cancellationToken), editMessageId, cancellationToken);

    private async Task ShowPageAsync(BotChat chat, Guid? categoryId, int page, IReadOnlyList<Category> shelves, int? editMessageId,
        CancellationToken cancellationToken)
    {
        var products = await catalog.ListPublishedAsync(categoryId, page, PageSize, cancellationToken);
        var rows = products.Items
            .Select(p => new[] { InlineKeyboardButton.WithCallbackData($"{p.Title} · {Price(chat, p)}", $"p:{p.Id:N}") }).ToList();
        var key = categoryId?.ToString("N") ?? "all";
        var nav = new List<InlineKeyboardButton>();
        if (products.HasPrevious)
        {
            nav.Add(InlineKeyboardButton.WithCallbackData(chat.Texts.Previous, $"c:{key}:{page - 1}"));
        }

        if (products.HasNext)
        {
            nav.Add(InlineKeyboardButton.WithCallbackData(StorefrontKeyboard.Label(chat, "more", chat.Texts.Next), $"c:{key}:{page + 1}"));
        }

        if (nav.Count > 0)
        {
            rows.Add([.. nav]);
        }

        // "All products" needs a way back only when it was reached from the shelves, i.e. when there are shelves.
        if (categoryId is not null || shelves.Count > 0)
        {
            rows.Add([InlineKeyboardButton.WithCallbackData(StorefrontKeyboard.Label(chat, "back", chat.Texts.Back), "c:root:0")]);
        }

        var shelf = categoryId is null ? (shelves.Count > 0 ? chat.Texts.AllProducts : null) : shelves.FirstOrDefault(c => c.Id == categoryId)?.Name;
        var text = products.TotalCount == 0 ? chat.Texts.CatalogEmpty : shelf is null ? chat.Texts.CatalogTitle : chat.Texts.ShelfTitle(shelf);
        await ShowAsync(chat, text, rows.Count == 0 ? null : new InlineKeyboardMarkup(rows), editMessageId, cancellationToken);
    }

    /// <summary>A product card: the title in bold, the formatted description, the price, and the Buy button.</summary>
    public async Task ShowProductAsync(BotChat chat, Guid productId, CancellationToken cancellationToken)
    {
        var product = await catalog.FindPublishedAsync(productId, cancellationToken);
        if (product is null)
        {
            await chat.SendTextAsync(chat.Texts.ProductUnavailable, null, cancellationToken);
            return;
        }

        var html = CardHtml(chat.Texts, product);
        var buy = StorefrontKeyboard.BuyLabel(chat.Storefront, chat.Texts, product, Price(chat, product));
        var markup = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(buy, $"b:{product.Id:N}")]]);
        if (product.PhotoFileId is { } photo && await files.FindAsync(photo, cancellationToken) is { } file)
        {
            await photos.SendAsync(chat, file, html, markup, cancellationToken);
            return;
        }

        await chat.SendHtmlAsync(html, markup, cancellationToken);
    }

    /// <summary>The welcome text in Telegram's HTML: the merchant's (formatted), else ours naming the store.</summary>
    public static string WelcomeHtml(Storefront storefront, BotTexts texts) =>
        string.IsNullOrWhiteSpace(storefront.WelcomeText)
            ? TelegramHtml.Escape(texts.Welcome(storefront.DisplayName))
            : RichText.Safe(storefront.WelcomeText).ToTelegramHtml(BotPhotoSender.MessageMaxLength);

    /// <summary>A product card in Telegram's HTML: the title in bold, the description (cut to fit a message), the price.</summary>
    public static string CardHtml(BotTexts texts, Product product)
    {
        var price = StorefrontKeyboard.Price(texts, product);
        var description = RichText.Safe(product.Description.Trim());
        var room = BotPhotoSender.MessageMaxLength - product.Title.Length - price.Length - 4; // two blank lines
        return description.VisibleLength == 0
            ? $"{TelegramHtml.Bold(product.Title)}\n\n{TelegramHtml.Escape(price)}"
            : $"{TelegramHtml.Bold(product.Title)}\n\n{description.ToTelegramHtml(room)}\n\n{TelegramHtml.Escape(price)}";
    }

    private static string Price(BotChat chat, Product product) => StorefrontKeyboard.Price(chat.Texts, product);

    /// <summary>
    /// Edits the catalog message in place when there is one. Pressing the same button twice, or a re-run of the update,
    /// asks for an edit that changes nothing: Telegram answers 400 "message is not modified", which is success here. Any
    /// other refusal (a message too old or gone) gets a fresh message instead, so the customer is never left without one.
    /// </summary>
    private static async Task ShowAsync(BotChat chat, string text, InlineKeyboardMarkup? markup, int? editMessageId, CancellationToken cancellationToken)
    {
        if (editMessageId is { } id)
        {
            try
            {
                await chat.SendAsync(ct => chat.Client.EditMessageText(chat.ChatId, id, text, replyMarkup: markup, cancellationToken: ct), cancellationToken);
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                if (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }

        await chat.SendTextAsync(text, markup, cancellationToken);
    }
}
