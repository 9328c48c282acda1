namespace Platform.Core.Webhooks;

/// <summary>
/// "The delivery is pending", named once from <see cref="WebhookDeliveryStatus.Pending"/> for the raw SQL and the
/// partial index <c>IX_WebhookDeliveries_Due</c>. It stays a literal in the statement text, not a parameter: only a
/// literal lets PostgreSQL match the partial index in the generic plan of an auto-prepared statement.
/// </summary>
internal static class WebhookDeliverySql
{
    /// <summary><c>"Status" = 0</c>; prefix a table alias where needed (<c>d."Status" = 0</c>).</summary>
    public static readonly string IsPending = $"\"Status\" = {(int)WebhookDeliveryStatus.Pending}";

    /// <summary>
    /// <c>"the tenant is active"</c> for a tenant id expression (a column or a parameter): a suspended store's deliveries
    /// are held — kept pending, never claimed, their retries and the endpoint's failing clock untouched (docs/webhooks.md).
    /// </summary>
    public static string TenantIsActive(string tenantId) =>
        $"""EXISTS (SELECT 1 FROM "Tenants" t WHERE t."Id" = {tenantId} AND t."Status" = '{nameof(Tenancy.TenantStatus.Active)}')""";
}
