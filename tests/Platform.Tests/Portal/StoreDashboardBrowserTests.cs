using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Merchant;
using Platform.Tests.Orders;

namespace Platform.Tests.Portal;

/// <summary>
/// The store dashboard in a real headless Chromium, at a desktop width and at 390 px: the figures per period, the daily
/// sales chart (one bar group per day, 30 of them), recent orders linking to their order pages, top products, the setup
/// checklist's progress, the footer; and a new store seen by staff, whose links to owner-only pages are plain text.
/// </summary>
public sealed class StoreDashboardBrowserTests(ClockedMerchantAppFactory app, BrowserFixture browser)
    : IClassFixture<ClockedMerchantAppFactory>, IClassFixture<BrowserFixture>
{
    private static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email, TenantInfo tenant, int width)
    {
        var signIn = await context.APIRequest.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        Assert.True(signIn.Ok, $"sign-in answered {signIn.Status}");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        return page;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_dashboard_shows_sales_per_period_the_chart_recent_orders_top_products_and_the_checklist(int width)
    {
        var (tenant, email) = await app.NewStoreAsync("Dash" + width);
        var s = await StoreDashboardScenario.SeedAsync(app, tenant);
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await SignedInPageAsync(context, email, tenant, width);
        await page.GotoAsync($"/stores/{tenant.Slug}");

        await Assertions.Expect(page.Locator("#period-today .earned")).ToHaveTextAsync("100 ⭐");
        await Assertions.Expect(page.Locator("#period-today .orders")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#period-today .buyers")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#period-today .refunds")).ToHaveTextAsync("1 (250 ⭐)");
        await Assertions.Expect(page.Locator("#period-7d .earned")).ToHaveTextAsync("350 ⭐");
        await Assertions.Expect(page.Locator("#period-7d .orders")).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("#period-30d .earned")).ToHaveTextAsync("490 ⭐");
        await Assertions.Expect(page.Locator("#period-30d .orders")).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator("#period-30d .buyers")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#period-30d .refunds")).ToHaveTextAsync("2 (350 ⭐)");

        var chart = page.Locator("#sales-chart svg");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(chart.Locator("g.day")).ToHaveCountAsync(StoreDashboardReader.ChartDays);
        await Assertions.Expect(chart.Locator("rect.up")).ToHaveCountAsync(5);
        await Assertions.Expect(chart.Locator("rect.down")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#sales-summary")).ToContainTextAsync("840 ⭐ paid in 6 orders, 350 ⭐ refunded");
        await Assertions.Expect(page.Locator("#sales-days tbody tr")).ToHaveCountAsync(StoreDashboardReader.ChartDays);
        var box = await chart.BoundingBoxAsync();
        Assert.True(box!.Width <= width && box.Width >= Math.Min(width - 100, 500), $"chart {box.Width}×{box.Height} at {width} px");

        var recent = page.Locator("#recent-orders tbody tr");
        await Assertions.Expect(recent).ToHaveCountAsync(8);
        await Assertions.Expect(recent.First).ToContainTextAsync("Course");
        await Assertions.Expect(recent.First).ToContainTextAsync("@bob");
        await Assertions.Expect(page.Locator("#recent-orders .badge")).ToHaveCountAsync(1);
        var top = page.Locator("#top-products tbody tr");
        await Assertions.Expect(top).ToHaveCountAsync(3);
        await Assertions.Expect(top.First.Locator(".stars")).ToHaveTextAsync("500");
        await Assertions.Expect(top.First).ToContainTextAsync("Course");
        await Assertions.Expect(page.Locator("#setup-progress")).ToContainTextAsync("4 of 4 done");
        await Assertions.Expect(page.Locator("#setup-checklist li.done")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#site-footer a")).ToHaveCountAsync(3);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The dashboard scrolls sideways by {overflow} px at {width} px.");

        await recent.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/stores/{tenant.Slug}/orders/{s.RecentNewestFirst[0].Id}");
        Assert.Contains("Course", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_store_shows_no_sales_and_staff_see_owner_only_steps_as_text()
    {
        var (tenant, ownerEmail) = await app.NewStoreAsync("Fresh");
        var (_, staffEmail) = await app.NewStoreAsync("Helper");
        await app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var staffId = await db.Users.Where(u => u.Email == staffEmail).Select(u => u.Id).SingleAsync();
            db.Memberships.Add(new Membership { Id = Guid.NewGuid(), UserId = staffId, Role = MembershipRole.Staff, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        await using var staffContext = await browser.NewContextAsync(app.BaseAddress);
        var staff = await SignedInPageAsync(staffContext, staffEmail, tenant, 390);
        await staff.GotoAsync($"/stores/{tenant.Slug}");
        await Assertions.Expect(staff.Locator("#setup-progress")).ToContainTextAsync("0 of 4 done");
        await Assertions.Expect(staff.Locator("[data-step=bot] a")).ToHaveCountAsync(0);
        await Assertions.Expect(staff.Locator("[data-step=purchase] a")).ToHaveCountAsync(0);
        await Assertions.Expect(staff.Locator("[data-step=product] a")).ToHaveAttributeAsync("href", $"/stores/{tenant.Slug}/products/new");
        await Assertions.Expect(staff.Locator("[data-step=publish] a")).ToHaveAttributeAsync("href", $"/stores/{tenant.Slug}/products");
        await Assertions.Expect(staff.Locator("#period-30d .earned")).ToHaveTextAsync("0 ⭐");
        await Assertions.Expect(staff.Locator("#no-recent-orders")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#no-top-products")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#sales-chart g.day")).ToHaveCountAsync(StoreDashboardReader.ChartDays);

        await using var ownerContext = await browser.NewContextAsync(app.BaseAddress);
        var owner = await SignedInPageAsync(ownerContext, ownerEmail, tenant, 1280);
        await owner.GotoAsync($"/stores/{tenant.Slug}");
        await Assertions.Expect(owner.Locator("[data-step=bot] a")).ToHaveAttributeAsync("href", $"/stores/{tenant.Slug}/bots");
        await Assertions.Expect(owner.Locator("[data-step=purchase] a")).ToHaveAttributeAsync("href", $"/stores/{tenant.Slug}/bots");
        Assert.DoesNotContain("later release", await owner.ContentAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
