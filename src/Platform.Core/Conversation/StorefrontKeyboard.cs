using Platform.Core.Catalog;
using Platform.Core.Outbound;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Conversation;

/// <summary>
/// The storefront's buttons with the merchant's labels (<see cref="StorefrontButtons"/>): one place for the rule "the
/// merchant's label when set, else ours in the buyer's language", shared by the welcome screen, the catalog and the
/// About/Support/Terms answers, so every configurable label is used the same way.
/// </summary>
public static class StorefrontKeyboard
{
    /// <summary>The welcome screen: Catalog and Orders, Memberships when plans are sold, then About (when written), Support and Terms.</summary>
    public static InlineKeyboardMarkup Welcome(BotChat chat, bool sellsPlans)
    {
        List<InlineKeyboardButton[]> rows =
        [
            [InlineKeyboardButton.WithCallbackData(Label(chat, "catalog", chat.Texts.CatalogButton), "c:root:0")],
            [InlineKeyboardButton.WithCallbackData(Label(chat, "orders", chat.Texts.OrdersButton), "orders")],
        ];
        if (sellsPlans)
        {
            rows.Add([InlineKeyboardButton.WithCallbackData(chat.Texts.SubscriptionsButton, "subs")]);
        }

        var info = new List<InlineKeyboardButton>();
        if (!string.IsNullOrWhiteSpace(chat.Storefront.AboutText))
        {
            info.Add(InlineKeyboardButton.WithCallbackData(Label(chat, "about", chat.Texts.AboutButton), "about"));
        }

        info.Add(InlineKeyboardButton.WithCallbackData(Label(chat, "support", chat.Texts.SupportButton), "support"));
        info.Add(InlineKeyboardButton.WithCallbackData(Label(chat, "terms", chat.Texts.TermsButton), "terms"));
        rows.Add([.. info]);
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The card's Buy button: the merchant's "buy" label with the price ("Get it · 50 ⭐"), else ours.</summary>
    public static string BuyLabel(BotChat chat, Product product, string price) =>
        MerchantLabel(chat, "buy") is { } label ? $"{label} · {price}"
        : product.Kind == ProductKind.Subscription ? chat.Texts.Subscribe(product.PriceStars) : chat.Texts.Buy(product.PriceStars);

    /// <summary>
    /// The merchant's label when they set one, else ours in the customer's language. The storefront fills missing
    /// labels with its English defaults, so a label equal to the default counts as not set (the portal stores no
    /// override for an unchanged default either).
    /// </summary>
    public static string Label(BotChat chat, string key, string ours) => MerchantLabel(chat, key) ?? ours;

    private static string? MerchantLabel(BotChat chat, string key) =>
        chat.Storefront.ButtonTexts.TryGetValue(key, out var text) && text != StorefrontButtons.Defaults[key] ? text : null;
}
