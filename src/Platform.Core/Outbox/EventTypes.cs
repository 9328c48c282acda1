namespace Platform.Core.Outbox;

/// <summary>Event type names, as merchants see them in webhooks. Documented in docs/webhooks.md.</summary>
public static class EventTypes
{
    public const string ApiVersion = "2026-11-01";

    public const string OrderPaid = "order.paid";
    public const string OrderFulfilled = "order.fulfilled";
    public const string OrderRefunded = "order.refunded";
    public const string ProductSoldOut = "product.sold_out";
    public const string BotBroken = "bot.broken";
    public const string WebhookTest = "webhook.test";
}
