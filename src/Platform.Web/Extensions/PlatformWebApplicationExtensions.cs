using Platform.Web.Api;
using Platform.Web.Api.Reference;
using Platform.Web.Downloads;
using Platform.Web.Files;
using Platform.Web.Health;
using Platform.Web.Hosting;
using Platform.Web.Jobs;
using Platform.Web.Portal;
using Platform.Web.Telegram;
using Platform.Web.Tenancy;
using Platform.Web.Text;

namespace Platform.Web.Extensions;

public static class PlatformWebApplicationExtensions
{
    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.UseConnectionRequestCounter();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UsePlatformExceptionPages();
            app.UseHsts();
        }

        // Inside the exception handler, so Core's last-guard refusals answer 400, not 500; before ingress and tenancy,
        // so refused characters in paths and query strings never reach a lookup (issue 12.4).
        app.UseMiddleware<ForbiddenTextMiddleware>();

        app.UseTelegramIngress();
        // After the Telegram branch: its webhook answers only Telegram, and it is the busiest path.
        app.UseMiddleware<SecurityHeadersMiddleware>(JobsDashboardExtensions.DashboardPath, ApiReferenceExtensions.ReferencePath);
        app.UsePlatformStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTenantResolution();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseSuspendedStoreGuard();
        app.UseAntiforgery();
        app.UseJobsDashboard();

        app.MapPlatformHealthChecks();
        app.MapRazorPages();
        app.MapPortalApi();
        app.MapPlatformApi();
        app.MapDownloads();
        app.MapPortalFileUploads();
        // Browsers and tools that ask for the classic icon get the SVG one.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).ExcludeFromDescription();
        return app;
    }
}
