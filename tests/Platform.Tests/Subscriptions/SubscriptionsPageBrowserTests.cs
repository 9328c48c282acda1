using Microsoft.Playwright;
using Platform.Core.Catalog;
using Platform.Tests.Infrastructure;
using Platform.Tests.Merchant;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// The Subscriptions page in a real headless Chromium: its server-rendered chart (one point per day), the per-plan
/// figures and the tables, at a desktop width and at a phone's 390 px, without horizontal overflow or policy errors.
/// </summary>
public sealed class SubscriptionsPageBrowserTests(MerchantAppFactory app, BrowserFixture browser)
    : IClassFixture<MerchantAppFactory>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_subscribers_page_shows_its_chart_and_plan_figures_without_horizontal_overflow(int width)
    {
        var (tenant, email) = await app.NewStoreAsync("Chart");
        var plan = await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            var plan = await seed.ProductAsync(ProductKind.Subscription, "Founders' circle", 450);
            for (var i = 0; i < 6; i++)
            {
                await seed.MembershipAsync(plan, await seed.CustomerAsync($"member_{i}_with_a_rather_long_username"), createdDaysAgo: 4 + (i * 5));
            }

            var gone = await seed.MembershipAsync(plan, await seed.CustomerAsync("gone"), createdDaysAgo: 40, expiredDaysAgo: 8);
            await seed.LogAsync(gone, "removed", "Not renewed after the grace of 24 hours; removed from the channel without a ban");
            return plan;
        });

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                console.Add(message.Text);
            }
        };
        // The test sign-in answers no page (Chromium aborts the navigation); the context's request API shares its cookies.
        var signIn = await context.APIRequest.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        Assert.True(signIn.Ok, $"sign-in answered {signIn.Status}");
        await page.GotoAsync($"/stores/{tenant.Slug}/subscriptions");

        var chart = page.Locator("#active-chart svg");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("circle.point")).ToHaveCountAsync(30);
        await Assertions.Expect(page.Locator("#active-today")).ToHaveTextAsync("6");
        var box = await chart.BoundingBoxAsync();
        Assert.True(box!.Width <= width && box.Width >= Math.Min(width - 100, 500), $"chart {box.Width}×{box.Height} at {width} px");
        var card = page.Locator($"#plan-figures [data-plan='{plan.Id}']");
        await Assertions.Expect(card.Locator(".active")).ToHaveTextAsync("6");
        await Assertions.Expect(card.Locator(".mrr")).ToHaveTextAsync("2,700 ⭐");
        await Assertions.Expect(page.Locator("#subscribers tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("#access-log .action")).ToHaveTextAsync("removed");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px at {width} px.");
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        // A destructive action sits behind a confirmation: the button shows only once the details box is opened.
        var restore = page.Locator("#access-log details.confirm").First;
        await Assertions.Expect(restore.GetByRole(AriaRole.Button, new() { Name = "Yes, restore access" })).ToBeHiddenAsync();
        await restore.Locator("summary").ClickAsync();
        await Assertions.Expect(restore.GetByRole(AriaRole.Button, new() { Name = "Yes, restore access" })).ToBeVisibleAsync();
    }
}
