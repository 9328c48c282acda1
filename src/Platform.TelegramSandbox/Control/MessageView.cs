using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Control;

/// <summary>What the buyer sees of one message: flattened for tests and the chat page, with file URLs that need no bot token.</summary>
internal static class MessageView
{
    public static object From(Message m, long botId, ChatLog log, string baseUrl) => new
    {
        message_id = m.Id,
        from_bot = m.From?.Id == botId,
        date = new DateTimeOffset(m.Date, TimeSpan.Zero).ToUnixTimeSeconds(),
        edited = m.EditDate is not null,
        text = m.Text,
        caption = m.Caption,
        // Formatting as Telegram delivers it (bold, code, text links...): snake_case types, offsets in UTF-16 code units.
        entities = (m.Entities ?? m.CaptionEntities)?.Select(e => new
        {
            type = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Type.ToString()),
            offset = e.Offset,
            length = e.Length,
            url = e.Url,
        }).ToList(),
        buttons = m.ReplyMarkup?.InlineKeyboard.Select(row => row.Select(b => new
        {
            text = b.Text,
            callback_data = b.CallbackData,
            url = b.Url,
            pay = b.Pay ? true : (bool?)null,
        }).ToList()).ToList(),
        document = m.Document is { } d ? new { d.FileId, d.FileName, d.MimeType, d.FileSize, url = FileUrl(baseUrl, d.FileId) } : null,
        photo = m.Photo is { Length: > 0 } p ? new { p[^1].FileId, p[^1].Width, p[^1].Height, url = FileUrl(baseUrl, p[^1].FileId) } : null,
        invoice = m.Invoice is { } i ? new
        {
            i.Title,
            i.Description,
            i.Currency,
            i.TotalAmount,
            subscription_period = log.Invoices.GetValueOrDefault(m.Id)?.SubscriptionPeriod,
        } : null,
        successful_payment = m.SuccessfulPayment is { } s ? new
        {
            s.TotalAmount,
            s.InvoicePayload,
            s.TelegramPaymentChargeId,
            s.IsRecurring,
            s.IsFirstRecurring,
            subscription_expiration_date = s.SubscriptionExpirationDate is { } e ? new DateTimeOffset(e, TimeSpan.Zero).ToUnixTimeSeconds() : (long?)null,
        } : null,
        refunded_payment = m.RefundedPayment is { } r ? new { r.TotalAmount, r.InvoicePayload, r.TelegramPaymentChargeId } : null,
    };

    private static string FileUrl(string baseUrl, string fileId) => $"{baseUrl}/sandbox/v1/files/{Uri.EscapeDataString(fileId)}";
}
