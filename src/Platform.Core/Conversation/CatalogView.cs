using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Outbound;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Conversation;

/// <summary>
/// The storefront in the bot: welcome, categories, product pages (8 per page) and product cards. Reads through the
/// catalog side's <see cref="CatalogReader"/>: published products of the current tenant only, in the merchant's order.
/// Plans (subscription products) sit beside one-time products, priced per month.
/// </summary>
public sealed class CatalogView(CatalogReader catalog, FileUploadService files, BotPhotoSender photos, PlatformDbContext db)
{
    public const int PageSize = 8;

    /// <summary>/start: the merchant's welcome image (when set) with the welcome text, and the main buttons.</summary>
    public async Task WelcomeAsync(BotChat chat, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(chat.Storefront.WelcomeText) ? chat.Texts.Welcome(chat.Storefront.DisplayName) : chat.Storefront.WelcomeText;
        List<InlineKeyboardButton[]> buttons = [
            [InlineKeyboardButton.WithCallbackData(ButtonText(chat, "catalog", chat.Texts.CatalogButton), "c:root:0")],
            [InlineKeyboardButton.WithCallbackData(ButtonText(chat, "orders", chat.Texts.OrdersButton), "orders")],
        ];
        if (await db.Products.AnyAsync(p => p.Kind == ProductKind.Subscription && p.State == ProductState.Published, cancellationToken))
        {
            buttons.Add([InlineKeyboardButton.WithCallbackData(chat.Texts.SubscriptionsButton, "subs")]); // a store that sells plans
        }

        var markup = new InlineKeyboardMarkup(buttons);
        if (chat.Storefront.WelcomeImageFileId is { } image && await files.FindAsync(image, cancellationToken) is { } file)
        {
            await photos.SendAsync(chat, file, TelegramHtml.Escape(text), markup, cancellationToken);
            return;
        }

        await chat.SendTextAsync(MessageText.Cut(text, BotPhotoSender.MessageMaxLength), markup, cancellationToken);
    }

    /// <summary>The root: the shelves that have something on sale, else the first page of all products.</summary>
    public async Task ShowRootAsync(BotChat chat, int? editMessageId, CancellationToken cancellationToken)
    {
        var categories = await catalog.ListCategoriesAsync(cancellationToken);
        if (categories.Count == 0)
        {
            await ShowPageAsync(chat, null, 0, back: false, editMessageId, cancellationToken);
            return;
        }

        var rows = categories.Select(c => new[] { InlineKeyboardButton.WithCallbackData(c.Name, $"c:{c.Id:N}:0") }).ToList();
        rows.Add([InlineKeyboardButton.WithCallbackData(chat.Texts.AllProducts, "c:all:0")]);
        await ShowAsync(chat, chat.Texts.CatalogTitle, new InlineKeyboardMarkup(rows), editMessageId, cancellationToken);
    }

    /// <summary>A page of a shelf (all products when <paramref name="categoryId"/> is null), with a way back to the shelves.</summary>
    public async Task ShowPageAsync(BotChat chat, Guid? categoryId, int page, int? editMessageId, CancellationToken cancellationToken)
    {
        // "All products" needs a way back only when it was reached from the shelves, i.e. when there are shelves.
        var back = categoryId is not null || (await catalog.ListCategoriesAsync(cancellationToken)).Count > 0;
        await ShowPageAsync(chat, categoryId, page, back, editMessageId, cancellationToken);
    }

    private async Task ShowPageAsync(BotChat chat, Guid? categoryId, int page, bool back, int? editMessageId, CancellationToken cancellationToken)
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
            nav.Add(InlineKeyboardButton.WithCallbackData(chat.Texts.Next, $"c:{key}:{page + 1}"));
        }

        if (nav.Count > 0)
        {
            rows.Add([.. nav]);
        }

        if (back)
        {
            rows.Add([InlineKeyboardButton.WithCallbackData(chat.Texts.Back, "c:root:0")]);
        }

        var text = products.TotalCount == 0 ? chat.Texts.CatalogEmpty : chat.Texts.CatalogTitle;
        await ShowAsync(chat, text, rows.Count == 0 ? null : new InlineKeyboardMarkup(rows), editMessageId, cancellationToken);
    }

    public async Task ShowProductAsync(BotChat chat, Guid productId, CancellationToken cancellationToken)
    {
        var product = await catalog.FindPublishedAsync(productId, cancellationToken);
        if (product is null)
        {
            await chat.SendTextAsync(chat.Texts.ProductUnavailable, null, cancellationToken);
            return;
        }

        var plan = product.Kind == ProductKind.Subscription;
        var text = $"{product.Title}\n\n{product.Description}\n\n{Price(chat, product)}";
        var buy = plan ? chat.Texts.Subscribe(product.PriceStars) : chat.Texts.Buy(product.PriceStars);
        var markup = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(buy, $"b:{product.Id:N}")]]);
        if (product.PhotoFileId is { } photo && await files.FindAsync(photo, cancellationToken) is { } file)
        {
            await photos.SendAsync(chat, file, TelegramHtml.Escape(text), markup, cancellationToken);
            return;
        }

        await chat.SendTextAsync(MessageText.Cut(text, BotPhotoSender.MessageMaxLength), markup, cancellationToken);
    }

    /// <summary>A plan's price is per month (it renews every 30 days); anything else is paid once.</summary>
    private static string Price(BotChat chat, Product product) =>
        product.Kind == ProductKind.Subscription ? chat.Texts.PerMonth(product.PriceStars) : $"{product.PriceStars} ⭐";

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

    /// <summary>
    /// The merchant's label when they set one, else ours in the customer's language. The storefront fills missing
    /// labels with its English defaults, so a label equal to the default counts as not set (the portal stores no
    /// override for an unchanged default either).
    /// </summary>
    private static string ButtonText(BotChat chat, string key, string ours) =>
        chat.Storefront.ButtonTexts.TryGetValue(key, out var text) && text != StorefrontButtons.Defaults[key] ? text : ours;
}
