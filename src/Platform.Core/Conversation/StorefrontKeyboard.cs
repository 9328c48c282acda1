using Platform.Core.Catalog;
using Platform.Core.Outbound;
using Platform.Core.Outbound.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Conversation;

/// <summary>
/// The storefront's buttons with the merchant's labels (<see cref="StorefrontButtons"/>): one place for the rule "the
/// merchant's label when set, else ours in the buyer's language", shared by the bot's screens and the portal's preview,
/// so every configurable label is used the same way and the preview cannot drift from the bot.
/// </summary>
public static class StorefrontKeyboard
{
    /// <summary>The welcome screen: Catalog and Orders, Memberships when plans are sold, then About (when written), Support and Terms.</summary>
    public static InlineKeyboardMarkup Welcome(BotChat chat, bool sellsPlans) => Welcome(chat.Storefront, chat.Texts, sellsPlans);

    /// <inheritdoc cref="Welcome(BotChat, bool)"/>
    public static InlineKeyboardMarkup Welcome(Storefront storefront, BotTexts texts, bool sellsPlans)
    {
        List<InlineKeyboardButton[]> rows =
        [
            [InlineKeyboardButton.WithCallbackData(Label(storefront, "catalog", texts.CatalogButton), "c:root:0")],
            [InlineKeyboardButton.WithCallbackData(Label(storefront, "orders", texts.OrdersButton), "orders")],
        ];
        if (sellsPlans)
        {
            rows.Add([InlineKeyboardButton.WithCallbackData(texts.SubscriptionsButton, "subs")]);
        }

        var info = new List<InlineKeyboardButton>();
        if (!string.IsNullOrWhiteSpace(storefront.AboutText))
        {
            info.Add(InlineKeyboardButton.WithCallbackData(Label(storefront, "about", texts.AboutButton), "about"));
        }

        info.Add(InlineKeyboardButton.WithCallbackData(Label(storefront, "support", texts.SupportButton), "support"));
        info.Add(InlineKeyboardButton.WithCallbackData(Label(storefront, "terms", texts.TermsButton), "terms"));
        rows.Add([.. info]);
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The card's Buy button: the merchant's "buy" label with the price ("Get it · 50 ⭐"), else ours.</summary>
    public static string BuyLabel(Storefront storefront, BotTexts texts, Product product, string price) =>
        MerchantLabel(storefront, "buy") is { } label ? $"{label} · {price}"
        : product.Kind == ProductKind.Subscription ? texts.Subscribe(product.PriceStars) : texts.Buy(product.PriceStars);

    /// <summary>What a product costs as the bot writes it: a plan per month (it renews every 30 days), anything else once.</summary>
    public static string Price(BotTexts texts, Product product) =>
        product.Kind == ProductKind.Subscription ? texts.PerMonth(product.PriceStars) : $"{product.PriceStars} ⭐";

    public static string Label(BotChat chat, string key, string ours) => Label(chat.Storefront, key, ours);

    /// <summary>
    /// The merchant's label when they set one, else ours in the customer's language. The storefront fills missing
    /// labels with its English defaults, so a label equal to the default counts as not set (the portal stores no
    /// override for an unchanged default either).
    /// </summary>
    public static string Label(Storefront storefront, string key, string ours) => MerchantLabel(storefront, key) ?? ours;

    private static string? MerchantLabel(Storefront storefront, string key) =>
        storefront.ButtonTexts.TryGetValue(key, out var text) && text != StorefrontButtons.Defaults[key] ? text : null;
}
