using Platform.Tests.Security;

namespace Platform.Tests.Tenancy;

/// <summary>The rule table of the cross-tenant probe: one row per route pattern of the app (method-agnostic).</summary>
internal static class ProbeRules
{
    private static Guid Random(SeededStore _) => Guid.NewGuid();

    public static readonly ProbeRule[] All =
    [
        // Public or carrying their own credential: the token in the URL or the OAuth protocol itself names the store.
        ProbeRule.NotScoped("/", "public landing page"),
        ProbeRule.NotScoped("/health/live", "public health probe, no tenant data"),
        ProbeRule.NotScoped("/health/ready", "public health probe, no tenant data"),
        ProbeRule.NotScoped("/api/signup", "anonymous sign-up creates a new store; covered by SignupApiTests"),
        ProbeRule.NotScoped("/connect/authorize", "OAuth protocol; tokens name their own store (AuthorizationCodeTests)"),
        ProbeRule.NotScoped("/connect/token", "OAuth protocol; client credentials name their own store (ClientCredentialsTests)"),
        ProbeRule.NotScoped("/connect/userinfo", "OAuth protocol; answers about the token's own subject"),
        ProbeRule.NotScoped("/connect/endsession", "OAuth protocol; ends the caller's own session"),
        ProbeRule.NotScoped("/d/{token}", "signed download link: the token is the credential (DownloadTokensTests)"),
        ProbeRule.NotScoped("/invite/{inviteSlug}/{token}", "invitation link: the token is the credential (TeamTests)"),
        ProbeRule.NotScoped("/access-denied", "static page"),
        ProbeRule.NotScoped("/error/{status:int}", "error page: names no store beyond the caller's own (ErrorPageTests)"),
        ProbeRule.NotScoped("/favicon.ico", "redirect to a static file"),
        ProbeRule.NotScoped("/openapi/{documentName}.json", "public API description, no tenant data (OpenApiDocumentShould)"),
        ProbeRule.NotScoped("/api/docs/{documentName?}", "public API reference page, no tenant data (ApiReferencePageShould)"),
        ProbeRule.NotScoped("/api/docs/scalar.js", "the reference page's embedded script"),
        ProbeRule.NotScoped("/api/docs/scalar.aspnetcore.js", "the reference page's embedded script"),
        ProbeRule.NotScoped("/api/docs/favicon.svg", "the reference page's icon"),
        ProbeRule.NotScoped("/forgot-password", "anonymous form about the caller's own email"),
        ProbeRule.NotScoped("/login", "anonymous form"),
        ProbeRule.NotScoped("/logout", "ends the session the probe itself uses"),
        ProbeRule.NotScoped("/reset-password", "the reset token is the credential (PasswordResetTests)"),
        ProbeRule.NotScoped("/signup", "anonymous form creating a new store"),
        ProbeRule.NotScoped("/terms", "public legal page, no store data"),
        ProbeRule.NotScoped("/privacy", "public legal page, no store data"),
        ProbeRule.NotScoped("/contact", "public page: the configured contact address"),

        // Not store-scoped but must not show B to A.
        ProbeRule.Scoped("/admin"),
        ProbeRule.Scoped("/admin/audit"),
        ProbeRule.Scoped("/admin/reauth"),
        ProbeRule.Scoped("/admin/stores"),
        ProbeRule.Scoped("/admin/stores/{tenantId:guid}", s => s.Tenant.Id),
        ProbeRule.Scoped("/dev/emails"),
        ProbeRule.Scoped("/stores/switch"),

        // Portal pages and endpoints of a store.
        ProbeRule.Scoped("/stores/{tenant}"),
        ProbeRule.Scoped("/stores/{tenant}/api-clients", Random),
        ProbeRule.Scoped("/stores/{tenant}/balance"),
        ProbeRule.Scoped("/stores/{tenant}/balance/ledger.csv"),
        ProbeRule.Scoped("/stores/{tenant}/balance/telegram"),
        ProbeRule.Scoped("/stores/{tenant}/bots", s => s.BotId),
        ProbeRule.Scoped("/stores/{tenant}/bots/test-mode"),
        ProbeRule.Scoped("/stores/{tenant}/files", s => s.FileId),
        ProbeRule.Scoped("/stores/{tenant}/files/upload"),
        ProbeRule.Scoped("/stores/{tenant}/orders"),
        ProbeRule.Scoped("/stores/{tenant}/orders/export.csv"),
        ProbeRule.Scoped("/stores/{tenant}/orders/{id:guid}", s => s.OrderId),
        ProbeRule.Scoped("/stores/{tenant}/orders/{id:guid}/refund", s => s.OrderId),
        ProbeRule.Scoped("/stores/{tenant}/products", s => s.TextProductId),
        ProbeRule.Scoped("/stores/{tenant}/products/{id}", s => s.KeyProductId),
        ProbeRule.Scoped("/stores/{tenant}/products/{id}/keys", s => s.KeyProductId),
        ProbeRule.Scoped("/stores/{tenant}/storefront", s => s.CategoryId),
        ProbeRule.Scoped("/stores/{tenant}/subscriptions"),
        ProbeRule.Scoped("/stores/{tenant}/team", Random),
        ProbeRule.Scoped("/stores/{tenant}/webhooks"),
        ProbeRule.Scoped("/stores/{tenant}/webhooks/{id:guid}", s => s.WebhookId),

        // The API: the token names the store, so only B's ids can be tried.
        ProbeRule.Scoped("/api/v1/store"),
        ProbeRule.Scoped("/api/v1/categories"),
        ProbeRule.Scoped("/api/v1/categories/{id:guid}", s => s.CategoryId),
        ProbeRule.Scoped("/api/v1/categories/order"),
        ProbeRule.Scoped("/api/v1/files"),
        ProbeRule.Scoped("/api/v1/files/{id:guid}", s => s.FileId),
        ProbeRule.Scoped("/api/v1/orders"),
        ProbeRule.Scoped("/api/v1/orders/{id:guid}", s => s.OrderId),
        ProbeRule.Scoped("/api/v1/orders/{id:guid}/refund", s => s.OrderId),
        ProbeRule.Scoped("/api/v1/api-clients"),
        ProbeRule.Scoped("/api/v1/api-clients/{id:guid}", Random),
        ProbeRule.Scoped("/api/v1/products"),
        ProbeRule.Scoped("/api/v1/subscriptions"),
        ProbeRule.Scoped("/api/v1/balance"),
        ProbeRule.Scoped("/api/v1/ledger"),
        ProbeRule.Scoped("/api/v1/products/{id:guid}", s => s.TextProductId),
        ProbeRule.Scoped("/api/v1/products/{id:guid}/archive", s => s.TextProductId),
        ProbeRule.Scoped("/api/v1/products/{id:guid}/keys", s => s.KeyProductId),
        ProbeRule.Scoped("/api/v1/products/{id:guid}/stock", s => s.KeyProductId),
        ProbeRule.Scoped("/api/v1/webhook-endpoints"),
        ProbeRule.Scoped("/api/v1/webhook-endpoints/{id:guid}", s => s.WebhookId),
        ProbeRule.Scoped("/api/v1/webhook-endpoints/{id:guid}/rotate-secret", s => s.WebhookId),
        ProbeRule.Scoped("/api/v1/webhook-endpoints/{id:guid}/test", s => s.WebhookId),
        ProbeRule.Scoped("/api/v1/webhook-endpoints/{id:guid}/deliveries", s => s.WebhookId),
        ProbeRule.Scoped("/api/v1/webhook-endpoints/{id:guid}/deliveries/{deliveryId:guid}", s => s.WebhookId),
        ProbeRule.Scoped("/api/v1/webhook-endpoints/{id:guid}/deliveries/{deliveryId:guid}/retry", s => s.WebhookId),
        ProbeRule.Scoped("/api/v1/webhook-endpoints/{id:guid}/replay", s => s.WebhookId),
        ProbeRule.Scoped("/api/v1/bots"),
        ProbeRule.Scoped("/api/v1/bots/{id:guid}", s => s.BotId),
        ProbeRule.Scoped("/api/v1/bots/{id:guid}/resync", s => s.BotId),
    ];

    /// <summary>Routes served by middleware rather than endpoints; probed too, with the same expectations.</summary>
    public static readonly string[] MiddlewareRoutes = ["/telegram/{botId}", "/jobs"];

    public static ProbeRule? Find(string pattern) => All.FirstOrDefault(r => r.Pattern == pattern);
}
