using Hangfire.Dashboard;
using Platform.Core.Identity;

namespace Platform.Web.Jobs;

/// <summary>The Hangfire dashboard shows job arguments and can delete or retry jobs: platform admins only (portal cookie role).</summary>
public sealed class PlatformAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => IsPlatformAdmin(context.GetHttpContext().User);

    public static bool IsPlatformAdmin(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(PlatformRole.PlatformAdmin);
}
