using OpenIddict.Abstractions;
using Platform.Core.Tenancy;
using Platform.Web.Identity;
using Platform.Web.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Web.Api;

/// <summary>
/// Runs before every /api/v1 handler: the token's store must be resolved and active, and its subject (an API
/// client or a user) must still be allowed to act for it. Tokens stay valid until they expire, so this is
/// what makes revocation, suspension and removal from a team immediate.
/// </summary>
public sealed class ApiCallerFilter(ITenantContextAccessor tenantContext, TokenSubjectValidator subjects) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenant = tenantContext.Tenant;
        if (tenant is null)
        {
            return ApiProblems.Forbidden("No store", "The access token does not name a store.");
        }

        var user = http.User;
        var subject = user.GetClaim(Claims.Subject) ?? string.Empty;
        var tenantValue = user.GetClaim(TenantClaimTypes.TenantId);
        // Client-credentials tokens carry the client id as subject; user tokens carry a user id (a GUID).
        var check = subject == user.GetClaim(Claims.ClientId) || !Guid.TryParse(subject, out var userId)
            ? await subjects.CheckClientAsync(subject, tenantValue, http.RequestAborted)
            : await subjects.CheckUserAsync(userId, tenantValue, http.RequestAborted);

        return check.Refusal switch
        {
            SubjectRefusal.None => await next(context),
            SubjectRefusal.ClientRevoked => ApiProblems.Unauthorized("API client revoked", check.Description),
            SubjectRefusal.StoreSuspended => ApiProblems.Forbidden("Store suspended", check.Description),
            SubjectRefusal.NotAMember => ApiProblems.Forbidden("Not a member", check.Description),
            _ => ApiProblems.Forbidden("Store not found", check.Description),
        };
    }
}
