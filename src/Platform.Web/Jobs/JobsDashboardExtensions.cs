using Hangfire;

namespace Platform.Web.Jobs;

public static class JobsDashboardExtensions
{
    public const string DashboardPath = "/admin/jobs";

    /// <summary>Hangfire's dashboard at /admin/jobs for platform admins; after authentication so the cookie user is known.</summary>
    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        if (app.Services.GetService<JobStorage>() is not null)
        {
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
