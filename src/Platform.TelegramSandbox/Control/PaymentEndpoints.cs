using Platform.TelegramSandbox.Model;
using Platform.TelegramSandbox.Payments;
using Platform.TelegramSandbox.Time;

namespace Platform.TelegramSandbox.Control;

/// <summary>
/// A buyer paying (an invoice message or an invoice link) and managing subscriptions.
/// Paying waits for the bot's pre-checkout answer; the 10 s limit runs on the sandbox clock.
/// </summary>
internal static class PaymentEndpoints
{
    internal sealed record Pay(long? BotId, int? MessageId, string? InvoiceLink);
    internal sealed record EditSubscription(bool Canceled);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/payments", async (long userId, Pay body, SandboxStore store, HttpContext http, CancellationToken ct) =>
        {
            PreCheckoutRecord record;
            lock (store.Sync)
            {
                if (!store.Data.Users.TryGetValue(userId, out var user)) return ControlEndpoints.NotFound("user");
                InvoiceRecord? invoice = null;
                if (body.InvoiceLink is { } link) invoice = store.Data.InvoiceLinks.GetValueOrDefault(link);
                else if (body.BotId is { } botId && body.MessageId is { } messageId && store.Data.Bots.TryGetValue(botId, out var b))
                    invoice = store.ChatOf(b, user.Id).Invoices.GetValueOrDefault(messageId);
                // A scoped buyer pays only its own scope's bots (the route check already held the user to the scope).
                if (invoice is null || !ScopedAccess.Sees(ScopedAccess.Of(http), store.Data.Bots[invoice.BotId].Scope))
                    return ControlEndpoints.NotFound("invoice (give invoice_link, or bot_id and message_id)");
                record = PaymentFlow.Start(store, store.Data.Bots[invoice.BotId], user, invoice);
            }
            while (true)
            {
                var next = store.Changed.Next;
                lock (store.Sync)
                {
                    PaymentFlow.ExpireUnanswered(store);
                    if (record.Status != PaymentStatus.Pending)
                        return Results.Json(new
                        {
                            status = record.Status,
                            pre_checkout_query_id = record.Id,
                            error_message = record.ErrorMessage,
                            telegram_payment_charge_id = record.ChargeId,
                            stars = store.Data.Users[userId].Stars,
                        });
                }
                await AsyncSignal.WaitAsync(next, TimeSpan.FromSeconds(1), ct);
                ct.ThrowIfCancellationRequested();
            }
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapGet("/subscriptions", (long userId, SandboxStore store) =>
        {
            lock (store.Sync)
                return Results.Json(store.Data.Subscriptions.Values.Where(s => s.UserId == userId).Select(View).ToList());
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapPost("/subscriptions/{subscriptionId}", (long userId, string subscriptionId, EditSubscription body, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Data.Subscriptions.TryGetValue(subscriptionId, out var sub) || sub.UserId != userId) return ControlEndpoints.NotFound(
                    "subscription");
                if (!sub.Active) return ControlEndpoints.BadRequest("subscription has already lapsed");
                sub.Canceled = body.Canceled;
                store.Dirty = true;
                return Results.Json(View(sub));
            }
        }).WithMetadata(ScopedAccess.Allowed);
    }

    private static object View(SubscriptionRecord s) => new
    {
        s.Id,
        s.BotId,
        s.ChannelId,
        s.Title,
        s.Payload,
        s.Price,
        s.Period,
        expires_at = s.ExpiresAt.ToUnixTimeSeconds(),
        s.Canceled,
        s.Active,
        s.ChargeIds,
    };
}
