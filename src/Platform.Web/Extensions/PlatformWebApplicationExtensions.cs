using Platform.Web.Api;
using Platform.Web.Downloads;
using Platform.Web.Files;
using Platform.Web.Health;
using Platform.Web.Jobs;
using Platform.Web.Portal;
using Platform.Web.Telegram;
using Platform.Web.Tenancy;

namespace Platform.Web.Extensions;

public static class PlatformWebApplicationExtensions
{
    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.UseConnectionRequestCounter();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
            app.UseHsts();
        }

        app.UseTelegramIngress();

        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTenantResolution();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseJobsDashboard();

        app.MapPlatformHealthChecks();
        app.MapRazorPages();
        app.MapPortalApi();
        app.MapPlatformApi();
        app.MapDownloads();
        app.MapPortalFileUploads();
        return app;
    }
}
