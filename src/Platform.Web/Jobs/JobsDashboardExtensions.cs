using Hangfire;

namespace Platform.Web.Jobs;

public static class JobsDashboardExtensions
{
    public const string DashboardPath = "/admin/jobs";

    /// <summary>
    /// Hangfire's dashboard at /admin/jobs for platform admins; after authentication so the cookie user is known.
    /// Anyone else gets 404 Not Found, like every admin route (docs/admin.md, "Access"), not Hangfire's 401/403.
    /// </summary>
    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        if (app.Services.GetService<JobStorage>() is not null)
        {
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase)
                    && !PlatformAdminDashboardFilter.IsPlatformAdmin(context.User),
                hidden => hidden.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }));
            app.UseHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = [new PlatformAdminDashboardFilter()],
                DisplayStorageConnectionString = false,
                AppPath = "/",
                DashboardTitle = "Starfront jobs",
            });
        }

        return app;
    }
}
