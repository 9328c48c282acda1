using Platform.Core.Catalog;
using Platform.Core.Outbound;

namespace Platform.Core.Conversation;

/// <summary>
/// /about, /terms and /paysupport and the welcome screen's About, Terms and Support buttons: the merchant's formatted
/// texts (<see cref="RichText"/>, HTML parse mode) or our friendly defaults. Telegram requires payment bots to answer
/// /terms and /paysupport, so those always answer something.
/// </summary>
public static class StoreInfoView
{
    public static Task AboutAsync(BotChat chat, CancellationToken cancellationToken) =>
        SendAsync(chat, chat.Storefront.AboutText, chat.Texts.AboutDefault(chat.Storefront.DisplayName), cancellationToken);

    public static Task TermsAsync(BotChat chat, CancellationToken cancellationToken) =>
        SendAsync(chat, chat.Storefront.TermsText, chat.Texts.NoTerms, cancellationToken);

    /// <summary>The support text, then the contact on its own line (plain: an @name or an email).</summary>
    public static Task SupportAsync(BotChat chat, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(chat.Storefront.SupportText))
        {
            parts.Add(RichText.Safe(chat.Storefront.SupportText).ToTelegramHtml(BotPhotoSender.MessageMaxLength - 300));
        }

        if (!string.IsNullOrWhiteSpace(chat.Storefront.SupportContact))
        {
            parts.Add(TelegramHtml.Escape(chat.Storefront.SupportContact));
        }

        var html = parts.Count == 0 ? TelegramHtml.Escape(chat.Texts.NoSupport) : string.Join("\n", parts);
        return chat.SendHtmlAsync(html, null, cancellationToken);
    }

    private static Task<Telegram.Bot.Types.Message> SendAsync(BotChat chat, string? merchantText, string fallback, CancellationToken cancellationToken) =>
        chat.SendHtmlAsync(string.IsNullOrWhiteSpace(merchantText)
            ? TelegramHtml.Escape(fallback)
            : RichText.Safe(merchantText).ToTelegramHtml(BotPhotoSender.MessageMaxLength), null, cancellationToken);
}
