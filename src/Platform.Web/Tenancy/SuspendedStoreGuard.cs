using Platform.Core.Tenancy;
using Platform.Web.Hosting;

namespace Platform.Web.Tenancy;

/// <summary>
/// A suspended store's portal is read-only: every state-changing request to a <c>/stores/{tenant}/…</c> route (Razor
/// page POSTs, the file upload endpoint, anything mapped under it) is refused with 403 before its handler runs, so
/// nothing changes; GET and HEAD (pages, CSV exports) pass, and so do the routes outside a store (log out, switch
/// store). One guard keyed on the resolved tenant rather than a check per page, so a new page cannot forget it. Runs
/// after authorization, so only the store's members learn it is suspended. The API has its own refusal
/// (<c>ApiCallerFilter</c>); the tenant comes from the cache that every process invalidates on a change (docs/admin.md).
/// </summary>
public sealed class SuspendedStoreGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ITenantContextAccessor tenantContext)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || context.GetRouteValue("tenant") is null || tenantContext.Tenant is not { IsActive: false } store)
        {
            await next(context);
            return;
        }

        if (ErrorResponses.WantsHtml(request))
        {
            context.Features.Set(new StoreSuspendedFeature(store.Name, store.SuspensionReason));
            context.Response.StatusCode = StatusCodes.Status403Forbidden; // the status page answers in HTML
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Store suspended",
            detail: "This store is suspended; changes are paused. Nothing was saved.").ExecuteAsync(context);
    }
}
