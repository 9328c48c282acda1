using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Web.Identity;

/// <summary>
/// Checks the membership row on every request instead of trusting a role claim, so removing a staff
/// member or changing a role takes effect at once. The query runs under the store's tenant filter.
/// </summary>
public sealed class StoreMembershipHandler(ITenantContextAccessor tenant, PlatformDbContext db)
    : AuthorizationHandler<StoreMembershipRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StoreMembershipRequirement requirement)
    {
        if (tenant.Tenant is null || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var role = await db.Memberships.Where(m => m.UserId == userId).Select(m => (MembershipRole?)m.Role).FirstOrDefaultAsync();
        // Owner (0) ranks above Staff (1): a lower value satisfies a higher minimum.
        if (role is not null && role.Value <= requirement.MinimumRole)
        {
            context.Succeed(requirement);
        }
    }
}
