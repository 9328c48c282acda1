using System.Net;
using Platform.Core.Administration;
using Platform.Web.Admin;

namespace Platform.Tests.Admin;

/// <summary>
/// Admin actions need a sign-in within <c>Admin:ReauthenticateAfter</c> (10 minutes): an older one is sent to
/// <c>/admin/reauth</c>, which asks for the password again (wrong → refused, nothing else) and comes back.
/// </summary>
public sealed class AdminReauthTests(StoresAdminAppFactory app) : IClassFixture<StoresAdminAppFactory>
{
    [Fact]
    public async Task An_admin_whose_sign_in_is_older_than_ten_minutes_types_the_password_again_before_acting()
    {
        var (tenant, _) = await app.NewStoreAsync("Reauth");
        using var admin = await app.AdminClientAsync(await app.NewAdminAsync());
        var path = $"/admin/stores/{tenant.Id}";
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        using (var old = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Looking around" }, "#view-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
            Assert.Equal($"/admin/reauth?returnUrl={Uri.EscapeDataString(path)}", old.Headers.Location!.OriginalString);
        }

        using (var suspend = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Fraud" }, "#suspend-form"))
        {
            Assert.StartsWith("/admin/reauth?", suspend.Headers.Location!.OriginalString);
        }

        Assert.Equal(0, await app.ReadAsync(db => Task.FromResult(db.AdminAuditEntries.Count(e => e.TenantId == tenant.Id))));
        var reauth = $"/admin/reauth?returnUrl={Uri.EscapeDataString(path)}";
        using (var wrong = await admin.SubmitAsync(reauth, new Dictionary<string, string> { ["Password"] = "not-the-password-at-all" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("not right", Portal.PortalClient.FieldError(await Portal.PortalClient.ParseAsync(wrong), "Password"));
        }

        using (var right = await admin.SubmitAsync(reauth, new Dictionary<string, string> { ["Password"] = StoresAdminAppFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal(path, right.Headers.Location!.OriginalString);
        }

        using var shown = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Looking around" }, "#view-form");
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        Assert.StartsWith($"{path}?view=", shown.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_reauthentication_page_follows_only_local_return_addresses()
    {
        using var admin = await app.AdminClientAsync(await app.NewAdminAsync());
        using var response = await admin.SubmitAsync("/admin/reauth?returnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Password"] = StoresAdminAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("00:00:00", false)]
    [InlineData("2.00:00:00", false)]
    [InlineData("00:10:00", true)]
    public void The_reauthentication_window_is_validated(string window, bool valid) =>
        Assert.Equal(valid, new AdminOptions { ReauthenticateAfter = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) }.IsValid());

    [Fact]
    public void A_view_grant_lasts_thirty_minutes() => Assert.Equal(TimeSpan.FromMinutes(30), StoreViewReader.GrantLifetime);
}
