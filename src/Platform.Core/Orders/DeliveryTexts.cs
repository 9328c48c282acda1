using Platform.Core.Outbound;
using Platform.Core.Outbound.Texts;

namespace Platform.Core.Orders;

/// <summary>
/// The words of a delivery in Telegram's HTML parse mode: the product title in bold, a license key as tap-to-copy
/// <c>code</c>, secret text escaped; the first delivery thanks for the payment, a re-delivery (sequence above 0: the
/// buyer's "get again" or the merchant's resend) says it is one instead. Kept within Telegram's 4,096 characters.
/// </summary>
public static class DeliveryTexts
{
    /// <summary>Telegram's limit on a message's text after entity parsing, in UTF-16 code units (as string.Length).</summary>
    public const int MessageMaxLength = 4096;

    public static string Header(BotTexts texts, string title, int sequence) => HeaderOf(texts, TelegramHtml.Bold(title), sequence);

    public static string Key(BotTexts texts, string title, string key, int sequence) =>
        $"{Header(texts, title, sequence)}\n\n{texts.YourKey(TelegramHtml.Code(key))}";

    /// <summary>
    /// Secret text (the Text kind), escaped. If the header would push it past Telegram's limit (content may be 4,000
    /// characters) the header is left out: the content is what was bought.
    /// </summary>
    public static string Content(BotTexts texts, string title, string content, int sequence)
    {
        var body = texts.YourContent(TelegramHtml.Escape(content));
        var visible = HeaderOf(texts, title, sequence).Length + 2 + texts.YourContent(content).Length;
        return visible <= MessageMaxLength ? $"{Header(texts, title, sequence)}\n\n{body}" : body;
    }

    private static string HeaderOf(BotTexts texts, string title, int sequence) =>
        sequence == 0 ? texts.ThanksPaid(title) : texts.PurchaseAgain(title);
}
