using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Identity;

namespace Platform.Tests.Webhooks;

/// <summary>The Hangfire dashboard at /admin/jobs is for platform admins only; others get 404, like every admin route.</summary>
public sealed class JobsDashboardTests(WebhookAppFactory app) : IClassFixture<WebhookAppFactory>
{
    [Fact]
    public async Task Anonymous_users_and_merchants_are_refused_and_a_platform_admin_gets_the_dashboard()
    {
        using var anonymous = app.CreateHttpClient();
        var refused = await anonymous.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var (store, email) = await app.NewStoreAsync("Merchant");
        using var merchant = await app.SignedInClientAsync(email, store);
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.GetAsync("/admin/jobs/stats")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync("ops@example.test", WebhookAppFactory.Password,
                CancellationToken.None);
        }

        using var admin = await app.SignedInClientAsync("ops@example.test", store);
        var dashboard = await admin.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Starfront jobs", await dashboard.Content.ReadAsStringAsync());
    }
}
