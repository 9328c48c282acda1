using static Platform.Web.Commands.Scale.ScaleColumns;

namespace Platform.Web.Commands.Scale;

/// <summary>
/// Webhook endpoints in every tenth store, with an <c>order.paid</c> event for each of its first 40 paid orders, one
/// delivery per event and its attempts: 24 of 25 delivered at the first attempt, the rest failed after three. Every
/// event is already dispatched and every delivery finished, so no sender picks them up (the endpoints' secrets are a
/// placeholder, never decrypted); one endpoint in ten has been failing since yesterday.
/// </summary>
public sealed class ScaleWebhooks(ScaleShape shape, ScaleCopy copy)
{
    private const int EventsPerEndpoint = 40;
    private static readonly string[] OrderPaidOnly = ["order.paid"];

    public async Task<long> WriteAsync(CancellationToken ct)
    {
        var stores = Enumerable.Range(0, shape.Tenants).Where(ScaleShape.HasEndpoint).ToList();
        long rows = 0;
        rows += await copy.CopyAsync("WebhookEndpoints", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("Url", PgText), ("Description", PgText),
            ("EventTypes", PgTextArray), ("Enabled", PgBool), ("ProtectedSecret", PgText), ("CreatedAt", PgTime), ("DisabledAutomatically", PgBool),
            ("LastSuccessAt", PgTime), ("FailingSince", PgTime)),
            stores.Select(t => Row(ScaleIds.Of(ScaleIds.Endpoint, t), ScaleIds.Of(ScaleIds.Tenant, t), $"https://hooks.scale.test/{t}", "Seeded",
                OrderPaidOnly, true, ScaleStores.PlaceholderCiphertext, shape.CreatedAt(t), false, shape.Now.AddDays(-1),
                t % 100 == 11 ? shape.Now.AddDays(-1) : null)), ct);
        rows += await copy.CopyAsync("OutboxEvents", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("Type", PgText), ("ApiVersion", PgText),
            ("Data", PgJson),
            ("CreatedAt", PgTime), ("DispatchedAt", PgTime)),
            stores.SelectMany(Events).Select(o => Row(ScaleIds.Of(ScaleIds.Event, o.Store, o.Index), o.TenantId, "order.paid",
                Platform.Core.Outbox.EventTypes.ApiVersion, "{\"order_id\":\"" + o.Id + "\",\"stars\":" + o.Price + "}", o.PaidAt,
                    o.PaidAt!.Value.AddSeconds(1))), ct);
        rows += await copy.CopyAsync("WebhookDeliveries", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("EndpointId", PgUuid), ("EventId", PgUuid),
            ("EventType", PgText), ("Status", PgInt), ("AttemptCount", PgInt), ("CreatedAt", PgTime), ("LastAttemptAt", PgTime), ("LastStatusCode", PgInt)),
            stores.SelectMany(Events).Select(o => Row(ScaleIds.Of(ScaleIds.Delivery, o.Store, o.Index), o.TenantId, ScaleIds.Of(ScaleIds.Endpoint, o.Store),
                ScaleIds.Of(ScaleIds.Event, o.Store, o.Index), "order.paid", Failed(o) ? 2 : 1, Failed(o) ? 3 : 1, o.PaidAt!.Value.AddSeconds(1),
                o.PaidAt!.Value.AddSeconds(Failed(o) ? 600 : 2), Failed(o) ? 500 : 200)), ct);
        rows += await copy.CopyAsync("WebhookAttempts", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("DeliveryId", PgUuid), ("EndpointId", PgUuid),
            ("AttemptedAt", PgTime), ("StatusCode", PgInt), ("LatencyMs", PgInt), ("ResponseExcerpt", PgText)),
            stores.SelectMany(Events).SelectMany(o => Enumerable.Range(0, Failed(o) ? 3 : 1).Select(a => Row(
                ScaleIds.Of(ScaleIds.Attempt, o.Store, o.Index * 4 + a),
                o.TenantId, ScaleIds.Of(ScaleIds.Delivery, o.Store, o.Index), ScaleIds.Of(ScaleIds.Endpoint, o.Store), o.PaidAt!.Value.AddSeconds(2 + a * 299),
                Failed(o) ? 500 : 200, 40 + (int)(o.Index % 200), Failed(o) ? "Internal Server Error" : "ok"))), ct);
        return rows;
    }

    private IEnumerable<ScaleOrder> Events(int store) => ScaleOrder.OfStore(shape, store).Where(o => o.PaidAt is not null).Take(EventsPerEndpoint);

    private static bool Failed(ScaleOrder order) => order.Index % 25 == 24;
}
