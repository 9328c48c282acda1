using Platform.Core.Tenancy;
using Platform.Web.Hosting;

namespace Platform.Web.Tenancy;

/// <summary>
/// Runs after authentication and routing: asks every strategy in priority order, refuses the request
/// with 403 when two of them name different stores and with 404 when a named store does not exist,
/// (problem+json, or for a browser an empty answer the status pages turn into HTML — a mismatch offering to switch
/// store), and otherwise sets the tenant once for the request scope — before any DbContext is created.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IEnumerable<ITenantResolutionStrategy> strategies, ITenantContextSetter setter)
    {
        TenantResolution? chosen = null;
        foreach (var strategy in strategies.OrderBy(s => s.Priority))
        {
            var found = await strategy.ResolveAsync(context, context.RequestAborted);
            if (found is null)
            {
                continue;
            }

            if (found.Tenant is null)
            {
                if (ErrorResponses.WantsHtml(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound; // the status page answers in HTML
                    return;
                }

                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Store not found",
                    detail: $"No store matches the {found.Strategy} identifier.").ExecuteAsync(context);
                return;
            }

            if (chosen is not null && chosen.Tenant!.Id != found.Tenant.Id)
            {
                if (ErrorResponses.WantsHtml(context.Request))
                {
                    // The status page offers to switch to the store in the URL and come back here.
                    var named = found.Strategy == "route" ? found : chosen;
                    context.Features.Set(new StoreMismatchFeature(named.Tenant!.Slug, context.Request.Path + context.Request.QueryString));
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Store mismatch",
                    detail: "This request names two different stores. Switch store first.").ExecuteAsync(context);
                return;
            }

            chosen ??= found;
        }

        if (chosen?.Tenant is not null)
        {
            setter.SetTenant(chosen.Tenant);
        }

        await next(context);
    }
}
