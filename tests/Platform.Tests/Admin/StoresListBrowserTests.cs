using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Admin;

/// <summary>
/// The admin's stores list in a real headless Chromium at a desktop width and at 390 px: search over name and owner
/// email (trimmed, any case), the status filter, 50 a page with a next link, the suspended badge, bots and 30-day GMV
/// from the daily figures — and no sideways scroll.
/// </summary>
public sealed class StoresListBrowserTests(StoresAdminAppFactory app, BrowserFixture browser)
    : IClassFixture<StoresAdminAppFactory>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_stores_list_searches_filters_pages_and_shows_a_suspended_badge_without_horizontal_overflow(int width)
    {
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..6];
        var (owned, ownerEmail) = await app.NewStoreAsync(marker);
        var bot = await app.NewBotAsync(owned, "listed_bot");
        await app.SellAsync(owned, bot.Id, 250, app.Clock.GetUtcNow().AddDays(-1));
        var suspendedId = await SeedBulkAsync(marker, 51);
        var adminEmail = await app.NewAdminAsync();

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(adminEmail);
        await page.GetByLabel("Password").FillAsync(StoresAdminAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        if (width < 720)
        {
            await page.GetByText("Menu", new() { Exact = true }).ClickAsync(); // a phone's navigation is a collapsed menu
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Stores", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/stores");

        await page.FillAsync("#q", $"  {marker.ToUpperInvariant()}  ");
        await page.ClickAsync("#store-filters button[type=submit]");
        var rows = page.Locator("#stores tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-id", suspendedId.ToString());
        await Assertions.Expect(rows.First.Locator(".badge.suspended")).ToHaveTextAsync("Suspended");
        Assert.Equal(0, await OverflowAsync(page));

        await page.ClickAsync("a[rel=next]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var ownedRow = page.Locator($"#stores tr[data-id='{owned.Id}']");
        await Assertions.Expect(ownedRow.Locator(".owner")).ToHaveTextAsync(ownerEmail);
        await Assertions.Expect(ownedRow.Locator(".bots")).ToHaveTextAsync("1");
        await Assertions.Expect(ownedRow.Locator(".gmv")).ToHaveTextAsync("250");
        await Assertions.Expect(ownedRow.Locator(".badge.active")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a[rel=prev]")).ToBeVisibleAsync();
        Assert.Equal(0, await OverflowAsync(page));

        await page.FillAsync("#q", ownerEmail.ToUpperInvariant()[..^5]);
        await page.ClickAsync("#store-filters button[type=submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-id", owned.Id.ToString());

        await page.FillAsync("#q", marker);
        await page.SelectOptionAsync("#status", "suspended");
        await page.ClickAsync("#store-filters button[type=submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-id", suspendedId.ToString());

        await rows.First.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("#store-status .badge.suspended")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#view-form")).ToBeVisibleAsync();
        Assert.Equal(0, await OverflowAsync(page));
    }

    /// <summary>Tenant rows straight into the registry (no owners needed): newer than the signed-up store, the newest suspended.</summary>
    private async Task<Guid> SeedBulkAsync(string marker, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = app.Clock.GetUtcNow();
        var tenants = Enumerable.Range(1, count).Select(i => new Tenant
        {
            Id = Guid.CreateVersion7(),
            Slug = $"{marker.ToLowerInvariant()}-bulk-{i}",
            Name = $"{marker} bulk store with a rather long name {i}",
            CreatedAt = now.AddMinutes(i),
            Status = i == count ? TenantStatus.Suspended : TenantStatus.Active,
            SuspendedAt = i == count ? now : null,
            SuspensionReason = i == count ? "Seeded suspension" : null,
        }).ToList();
        db.Tenants.AddRange(tenants);
        await db.SaveChangesAsync();
        return tenants[^1].Id;
    }

    /// <summary>How far the page scrolls sideways, and the widest element when it does (for the failure message).</summary>
    private static async Task<int> OverflowAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var widest = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                    .map(e => e.tagName + '.' + e.className + '#' + e.id).slice(-3).join(' | ')
                """);
            Assert.Fail($"{overflow} px of sideways scroll at {page.ViewportSize?.Width} px: {widest}");
        }

        return overflow;
    }
}
