using Microsoft.AspNetCore.Authorization;
using Platform.Core.Tenancy;

namespace Platform.Web.Identity;

/// <summary>Requires a membership in the current store with at least <see cref="MinimumRole"/>.</summary>
public sealed record StoreMembershipRequirement(MembershipRole MinimumRole) : IAuthorizationRequirement;
