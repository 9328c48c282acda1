using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Administration;
using Platform.Core.Identity;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ledger;
using Platform.Tests.Portal;

namespace Platform.Tests.Admin;

/// <summary>
/// The platform admins' dashboard in a real headless Chromium: an admin signs in through the login form and finds the
/// figures, the GMV chart (an SVG bar per day), the period switch and the top stores, at a desktop width and at 390 px
/// without sideways scrolling; an unknown period falls back to 7 days.
/// </summary>
public sealed partial class DashboardPageTests(LedgerAppFactory app, BrowserFixture browser) : IClassFixture<LedgerAppFactory>, IClassFixture<BrowserFixture>
{
    private async Task<(string AdminEmail, Guid TopTenant)> SeedAsync(string name)
    {
        var email = PortalClient.UniqueEmail("admin");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync(email, PortalClient.Password, CancellationToken.None);
        }

        var now = app.Clock.GetUtcNow();
        var (big, bigBot) = await DashboardTestData.StoreWithBotAsync(app, name + "Big", "big_bot_with_a_really_long_username_for_narrow_screens");
        var (small, smallBot) = await DashboardTestData.StoreWithBotAsync(app, name + "Small", "small_bot");
        await app.WriteAsync(big, l => [l.SaleCredit(bigBot.Id, name + "b1", 5000, null, renewal: false, now.AddMinutes(-3))]);
        await app.WriteAsync(small, l =>
        [
            l.SaleCredit(smallBot.Id, name + "s1", 40, null, renewal: false, now.AddDays(-1)),
            l.RefundDebit(smallBot.Id, name + "s1", 40, null, now),
        ]);
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // each pass of the minute job runs later than the last
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyStoreFiguresJob>().RebuildRecentAsync(CancellationToken.None);
        }

        return (email, big.Id);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task An_admin_sees_the_figures_the_gmv_chart_the_period_switch_and_the_top_stores(int width)
    {
        var (email, top) = await SeedAsync("Dash" + width);
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(PortalClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(AdminPath(), new() { Timeout = 30_000 });

        await Assertions.Expect(page.Locator("#period-switch a.active")).ToHaveTextAsync("7 d");
        await Assertions.Expect(page.Locator("#period-switch a")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#gmv-chart svg g.day")).ToHaveCountAsync(7);
        Assert.True(await page.Locator("#gmv-chart svg rect.up").CountAsync() >= 1);
        Assert.True(await page.Locator("#gmv-chart svg rect.down").CountAsync() >= 1);
        await Assertions.Expect(page.Locator("#new-stores-chart svg g.day")).ToHaveCountAsync(7);
        Assert.True(int.Parse(await page.Locator("#orders").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        await Assertions.Expect(page.Locator("#gmv")).ToContainTextAsync("⭐");
        await Assertions.Expect(page.Locator("#jobs-link")).ToHaveAttributeAsync("href", "/admin/jobs");
        var first = page.Locator($"#top-stores tbody tr[data-tenant='{top}']");
        await Assertions.Expect(first.Locator("a")).ToHaveAttributeAsync("href", $"/admin/stores/{top}");
        await Assertions.Expect(first).ToContainTextAsync("5,000 ⭐");
        Assert.Equal("", await SidewaysAsync(page));

        await page.Locator("#period-switch a[data-period='30d']").ClickAsync();
        await Assertions.Expect(page.Locator("#gmv-chart svg g.day")).ToHaveCountAsync(30);
        await Assertions.Expect(page.Locator("#period-switch a.active")).ToHaveTextAsync("30 d");
        Assert.Equal("", await SidewaysAsync(page));
        await page.Locator("#period-switch a[data-period='24h']").ClickAsync();
        await Assertions.Expect(page.Locator("#gmv-chart svg g.day")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#period-window")).ToContainTextAsync("since yesterday 00:00 UTC");

        var odd = await page.GotoAsync("/admin?period=%27%3Cx%3E");
        Assert.Equal(200, odd!.Status);
        await Assertions.Expect(page.Locator("#period-switch a.active")).ToHaveTextAsync("7 d");
    }

    /// <summary>Empty when the page fits its width; else the elements sticking out (tag, id or class, right edge).</summary>
    private static Task<string> SidewaysAsync(IPage page) => page.EvaluateAsync<string>("""
        () => document.documentElement.scrollWidth <= window.innerWidth ? "" : [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth)
            .map(e => `${e.tagName}#${e.id}.${e.className?.baseVal ?? e.className}:${Math.round(e.getBoundingClientRect().right)}`).slice(0, 12).join(" ")
        """);

    [GeneratedRegex(@"/admin$")]
    private static partial Regex AdminPath();
}
