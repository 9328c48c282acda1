using Platform.Core.Tenancy;

namespace Platform.Web.Tenancy;

/// <summary>
/// Runs after authentication and routing: asks every strategy in priority order, refuses the request
/// with 403 when two of them name different stores and with 404 when a named store does not exist,
/// and otherwise sets the tenant once for the request scope — before any DbContext is created.
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
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Store not found",
                    detail: $"No store matches the {found.Strategy} identifier.").ExecuteAsync(context);
                return;
            }

            if (chosen is not null && chosen.Tenant!.Id != found.Tenant.Id)
            {
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
