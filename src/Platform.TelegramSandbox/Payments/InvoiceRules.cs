using System.Text;
using Platform.TelegramSandbox.Api;
using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Payments;

/// <summary>Telegram's checks for a Stars invoice (sendInvoice and createInvoiceLink).</summary>
internal static class InvoiceRules
{
    public const int SubscriptionPeriod = 2_592_000;
    public const int MaxSubscriptionPrice = 10_000;
    public const int MaxInvoiceAmount = 100_000;

    public static InvoiceRecord Read(MethodCall call, bool allowSubscription)
    {
        var title = call.ReqStr("title");
        var description = call.ReqStr("description");
        var payload = call.ReqStr("payload");
        var currency = call.ReqStr("currency");
        if (title.Length is < 1 or > 32) throw BotApiException.BadRequest("title must be 1-32 characters long");
        if (description.Length is < 1 or > 255) throw BotApiException.BadRequest("description must be 1-255 characters long");
        if (Encoding.UTF8.GetByteCount(payload) is < 1 or > 128) throw BotApiException.BadRequest("payload must be 1-128 bytes long");
        if (currency != "XTR") throw BotApiException.BadRequest("currency must be XTR: the sandbox only runs payments in Telegram Stars");
        if (!string.IsNullOrEmpty(call.Str("provider_token"))) throw BotApiException.BadRequest("provider_token must be empty for payments in Telegram Stars");
        if (call.Long("max_tip_amount") is > 0 || call.Has("suggested_tip_amounts")) throw BotApiException.BadRequest(
            "tips are not supported for payments in Telegram Stars");
        var prices = call.Json<LabeledPrice[]>("prices") ?? [];
        if (prices.Length != 1) throw BotApiException.BadRequest("prices must contain exactly one item for payments in Telegram Stars");
        var amount = prices[0].Amount;
        if (amount < 1 || amount > MaxInvoiceAmount) throw BotApiException.BadRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        int? period = null;
        if (call.Long("subscription_period") is { } p)
        {
            if (!allowSubscription) throw BotApiException.BadRequest("subscription_period is not supported here");
            if (p != SubscriptionPeriod) throw BotApiException.BadRequest($"subscription_period must be {SubscriptionPeriod} (30 days)");
            if (amount > MaxSubscriptionPrice) throw BotApiException.BadRequest($"subscription price must not exceed {MaxSubscriptionPrice} Stars");
            period = SubscriptionPeriod;
        }
        return new InvoiceRecord
        {
            BotId = call.Bot.Id,
            Title = title,
            Description = description,
            Payload = payload,
            Currency = currency,
            Amount = (int)amount,
            SubscriptionPeriod = period,
            StartParameter = call.Str("start_parameter"),
        };
    }
}
