using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

public sealed class SignupAndLoginTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task Signing_up_creates_the_store_and_opens_its_dashboard_signed_in()
    {
        using var merchant = new PortalClient(app);
        var email = PortalClient.UniqueEmail("owner");
        var slug = await merchant.SignUpAsync("Moonlit Courses", email);

        var (status, page) = await merchant.GetAsync($"/stores/{slug}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Moonlit Courses", page.QuerySelector("#store-title")!.TextContent);
        Assert.Equal(slug, page.QuerySelector("#store-slug")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#member-count")!.TextContent);
        Assert.Contains(email, page.QuerySelector(".user-email")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav.portal-nav a[href='/stores/" + slug + "/api-clients']"));
    }

    [Fact]
    public async Task Every_store_area_in_the_navigation_answers()
    {
        using var merchant = new PortalClient(app);
        var slug = await merchant.SignUpAsync("Nav Check", PortalClient.UniqueEmail("nav"));
        foreach (var area in new[] { "", "/bots", "/products", "/orders", "/subscriptions", "/webhooks", "/balance", "/team" })
        {
            var (status, _) = await merchant.GetAsync($"/stores/{slug}{area}");
            Assert.True(status == HttpStatusCode.OK, $"/stores/{slug}{area} answered {(int)status}");
        }
    }

    [Fact]
    public async Task Logging_out_ends_the_session_and_logging_in_returns_to_the_store()
    {
        using var merchant = new PortalClient(app);
        var email = PortalClient.UniqueEmail("owner");
        var slug = await merchant.SignUpAsync("Round Trip", email);
        await merchant.LogoutAsync();

        using (var anonymous = await merchant.Http.GetAsync($"/stores/{slug}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery());
        }

        using var login = await merchant.LoginAsync(email);
        Assert.Equal($"/stores/{slug}", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_honours_a_local_return_address_and_ignores_a_foreign_one()
    {
        using var merchant = new PortalClient(app);
        var email = PortalClient.UniqueEmail("owner");
        var slug = await merchant.SignUpAsync("Return Store", email);

        using var local = await merchant.LoginAsync(email, returnUrl: $"/stores/{slug}/team");
        Assert.Equal($"/stores/{slug}/team", local.Headers.Location!.OriginalString);

        using var foreign = await merchant.LoginAsync(email, returnUrl: "https://evil.example/steal");
        Assert.Equal($"/stores/{slug}", foreign.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_message()
    {
        using var visitor = new PortalClient(app);
        var email = PortalClient.UniqueEmail("owner");
        await app.SignUpStoreAsync("Secretive", email, PortalClient.Password);

        using var wrong = await visitor.LoginAsync(email, "not-the-password-1");
        using var unknown = await visitor.LoginAsync(PortalClient.UniqueEmail("nobody"), "not-the-password-1");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var first = PortalClient.FieldError(await PortalClient.ParseAsync(wrong), "");
        Assert.Equal("Email or password is incorrect.", first);
        Assert.Equal(first, PortalClient.FieldError(await PortalClient.ParseAsync(unknown), ""));
    }

    [Fact]
    public async Task A_platform_admin_without_a_store_logs_in_without_a_store_and_lands_on_admin()
    {
        var email = PortalClient.UniqueEmail("admin");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync(email, PortalClient.Password, CancellationToken.None);
        }

        using var admin = new PortalClient(app);
        using var login = await admin.LoginAsync(email);
        Assert.Equal("/admin", login.Headers.Location!.OriginalString);
        var (status, page) = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, status);
        await using var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        Assert.Equal((await reader.Tenants.CountAsync()).ToString(CultureInfo.CurrentCulture), page.QuerySelector("#store-count")!.TextContent);
        Assert.Equal((await reader.LedgerMismatches.CountAsync(m => m.ResolvedAt == null)).ToString(CultureInfo.CurrentCulture),
            page.QuerySelector("#open-mismatches")!.TextContent);
    }
}
