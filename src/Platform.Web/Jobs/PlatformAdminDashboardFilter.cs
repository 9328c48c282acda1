using Hangfire.Dashboard;
using Platform.Core.Identity;

namespace Platform.Web.Jobs;

/// <summary>The Hangfire dashboard shows job arguments and can delete or retry jobs: platform admins only (portal cookie role).</summary>
public sealed class PlatformAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(PlatformRole.PlatformAdmin);
    }
}
