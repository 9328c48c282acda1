using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Platform.Web.Identity;

namespace Platform.Web.Admin;

/// <summary>
/// Hides the platform admin area: a refused request to an <c>/admin</c> route (or any endpoint under the
/// PlatformAdmin policy) answers 404 Not Found instead of the login redirect or the access-denied page, so anonymous
/// visitors and merchants cannot even tell the area exists. Every other refusal keeps the default behaviour.
/// </summary>
public sealed class AdminAreaHiding : IAuthorizationMiddlewareResultHandler
{
    public const string AreaPath = "/admin";

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && IsAdminArea(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    public static bool IsAdminArea(HttpContext context) =>
        context.Request.Path.StartsWithSegments(AreaPath, StringComparison.OrdinalIgnoreCase)
        || context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == PortalPolicies.PlatformAdmin) == true;
}
