using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Web.Api;

/// <summary>
/// Owner-only API resources (webhooks, bots, refunds — owner-only pages in the portal too): a user's token must belong
/// to an owner of the store, checked against the membership row on every call. Client-credentials tokens pass: only owners can create API clients.
/// Runs after <see cref="ApiCallerFilter"/>, so the store is resolved and the caller is still allowed.
/// </summary>
public sealed class StoreOwnerApiFilter(PlatformDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        var subject = user.GetClaim(Claims.Subject);
        var isClient = subject is null || subject == user.GetClaim(Claims.ClientId) || !Guid.TryParse(subject, out _);
        if (isClient)
        {
            return await next(context);
        }

        var userId = Guid.Parse(subject!);
        var owner = await db.Memberships.AnyAsync(m => m.UserId == userId && m.Role == MembershipRole.Owner, context.HttpContext.RequestAborted);
        return owner ? await next(context) : ApiProblems.Forbidden("Owners only", "Only the store's owners can manage webhooks and bots or refund orders.");
    }
}
