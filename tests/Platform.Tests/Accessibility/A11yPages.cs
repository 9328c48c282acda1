using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tests.Accessibility;

/// <summary>
/// The one table the phone and axe walks share: every Razor page route of the app (read from its
/// <see cref="EndpointDataSource"/>) mapped to the concrete URLs the walk opens. A route with no row here and not in
/// <see cref="Excluded"/> fails both walks, so a page added later has to join them: add a row (a URL over the seeded
/// data in <see cref="A11yWalkData"/>, and who opens it).
/// </summary>
public static class A11yPages
{
    /// <summary>Routes that answer no HTML page of their own; each says why.</summary>
    public static readonly IReadOnlySet<string> Excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/stores/{tenant}/balance/ledger.csv", // a CSV download, not a page
        "/stores/{tenant}/orders/export.csv", // a CSV download, not a page
    };

    private static readonly Dictionary<string, Func<A11yWalkData, A11yPage[]>> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = d => [Anon("/", "/")],
        ["/login"] = d => [Anon("/login", "/login")],
        ["/signup"] = d => [Anon("/signup", "/signup")],
        ["/terms"] = d => [Anon("/terms", "/terms")],
        ["/privacy"] = d => [Anon("/privacy", "/privacy")],
        ["/contact"] = d => [Anon("/contact", "/contact")],
        ["/forgot-password"] = d => [Anon("/forgot-password", "/forgot-password")],
        ["/reset-password"] = d => [Anon("/reset-password", "/reset-password?email=walk%40example.test&token=not-a-real-token")],
        ["/access-denied"] = d => [new("/access-denied", A11yVisitor.Owner, "/access-denied", 403)],
        ["/error/{status:int}"] = d => [new("/error/{status:int}", A11yVisitor.Anonymous, "/error/404", 404)],
        ["/invite/{inviteSlug}/{token}"] = d => [Anon("/invite/{inviteSlug}/{token}", $"/invite/{d.Tenant.Slug}/{d.InviteToken}")],
        ["/dev/emails"] = d => [Anon("/dev/emails", "/dev/emails")],
        ["/logout"] = d => [Owner("/logout", "/logout")],
        ["/stores/switch"] = d => [Owner("/stores/switch", "/stores/switch")],
        ["/stores/{tenant}"] = d => [Store(d, "", "")],
        ["/stores/{tenant}/bots"] = d => [Store(d, "/bots", "/bots")],
        ["/stores/{tenant}/bots/test-mode"] = d => [Store(d, "/bots/test-mode", "/bots/test-mode")],
        ["/stores/{tenant}/products"] = d => [Store(d, "/products", "/products")],
        ["/stores/{tenant}/products/{id}"] = d =>
        [
            Store(d, "/products/{id}", "/products/new"),
            Store(d, "/products/{id}", $"/products/{d.FileProductId}"),
            Store(d, "/products/{id}", $"/products/{d.KeyProductId}"),
            Store(d, "/products/{id}", $"/products/{d.TextProductId}"),
            Store(d, "/products/{id}", $"/products/{d.PlanId}"),
        ],
        ["/stores/{tenant}/products/{id}/keys"] = d => [Store(d, "/products/{id}/keys", $"/products/{d.KeyProductId}/keys")],
        ["/stores/{tenant}/files"] = d => [Store(d, "/files", "/files")],
        ["/stores/{tenant}/storefront"] = d => [Store(d, "/storefront", "/storefront")],
        ["/stores/{tenant}/orders"] = d => [Store(d, "/orders", "/orders")],
        ["/stores/{tenant}/orders/{id:guid}"] = d =>
            [Store(d, "/orders/{id:guid}", $"/orders/{d.PaidOrderId}"), Store(d, "/orders/{id:guid}", $"/orders/{d.RefundedOrderId}")],
        ["/stores/{tenant}/orders/{id:guid}/refund"] = d => [Store(d, "/orders/{id:guid}/refund", $"/orders/{d.PaidOrderId}/refund")],
        ["/stores/{tenant}/subscriptions"] = d => [Store(d, "/subscriptions", "/subscriptions")],
        ["/stores/{tenant}/balance"] = d => [Store(d, "/balance", "/balance")],
        ["/stores/{tenant}/balance/telegram"] = d => [Store(d, "/balance/telegram", "/balance/telegram")],
        ["/stores/{tenant}/webhooks"] = d => [Store(d, "/webhooks", "/webhooks")],
        ["/stores/{tenant}/webhooks/{id:guid}"] = d => [Store(d, "/webhooks/{id:guid}", $"/webhooks/{d.WebhookId}")],
        ["/stores/{tenant}/team"] = d => [Store(d, "/team", "/team")],
        ["/stores/{tenant}/api-clients"] = d => [Store(d, "/api-clients", "/api-clients")],
        ["/admin"] = d => [Admin("/admin", "/admin")],
        ["/admin/stores"] = d => [Admin("/admin/stores", "/admin/stores")],
        ["/admin/stores/{tenantId:guid}"] = d => [Admin("/admin/stores/{tenantId:guid}", $"/admin/stores/{d.Tenant.Id}")],
        ["/admin/audit"] = d => [Admin("/admin/audit", "/admin/audit")],
        ["/admin/reauth"] = d => [Admin("/admin/reauth", "/admin/reauth")],
    };

    /// <summary>Every Razor page route template of the app, as "/stores/{tenant}/orders".</summary>
    public static IReadOnlyList<string> RoutesOf(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<PageActionDescriptor>().Any())
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The walk over <paramref name="routes"/>, and the routes with neither a row nor an exclusion.</summary>
    public static (IReadOnlyList<A11yPage> Pages, IReadOnlyList<string> Missing) For(IReadOnlyList<string> routes, A11yWalkData data)
    {
        var missing = routes.Where(r => !Table.ContainsKey(r) && !Excluded.Contains(r)).ToList();
        var pages = routes.Where(Table.ContainsKey).SelectMany(r => Table[r](data)).ToList();
        return (pages, missing);
    }

    private static A11yPage Anon(string route, string url) => new(route, A11yVisitor.Anonymous, url);

    private static A11yPage Owner(string route, string url) => new(route, A11yVisitor.Owner, url);

    private static A11yPage Admin(string route, string url) => new(route, A11yVisitor.Admin, url);

    private static A11yPage Store(A11yWalkData d, string route, string path) =>
        new("/stores/{tenant}" + route, A11yVisitor.Owner, $"/stores/{d.Tenant.Slug}{path}");
}
