using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Merchant;

namespace Platform.Tests.Ledger;

/// <summary>
/// The Balance page: per-bot cards, the daily-earnings and upcoming-releases charts, the ledger with filters, the
/// withdraw notice and steps, open mismatches; in a real headless Chromium at a desktop width and at 390 px without
/// sideways scrolling; and query values that do not parse are ignored, never an error.
/// </summary>
public sealed class BalancePageTests(LedgerAppFactory app, BrowserFixture browser) : IClassFixture<LedgerAppFactory>, IClassFixture<BrowserFixture>
{
    private async Task<(TenantInfo Tenant, string Email, Guid Rich, Guid Small)> SeedAsync(string name)
    {
        var (tenant, email) = await app.NewStoreAsync(name);
        var rich = await app.NewBotAsync(tenant, "rich_shop_bot_with_a_long_username");
        var small = await app.NewBotAsync(tenant, "small_bot");
        var now = app.Clock.GetUtcNow();
        await app.WriteAsync(tenant, l =>
        [
            l.SaleCredit(rich.Id, "old-1", 700, null, renewal: false, now.AddDays(-27)),
            l.SaleCredit(rich.Id, "old-2", 600, null, renewal: true, now.AddDays(-25)),
            l.SaleCredit(rich.Id, "new-1", 400, null, renewal: false, now.AddDays(-5)),
            l.SaleCredit(rich.Id, "new-2", 150, null, renewal: false, now.AddDays(-2)),
            l.RefundDebit(rich.Id, "new-2", 150, null, now.AddDays(-1)),
            l.SaleCredit(small.Id, "s-1", 120, null, renewal: false, now.AddDays(-3)),
        ]);
        await app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.LedgerMismatches.Add(new LedgerMismatch
            {
                Id = Guid.CreateVersion7(),
                BotId = small.Id,
                Kind = LedgerMismatchKind.BalanceDiffers,
                Reference = "balance",
                OurNanostars = 120 * LedgerAmount.NanostarsPerStar,
                TelegramNanostars = 100 * LedgerAmount.NanostarsPerStar,
                DetectedAt = now,
            });
            return await db.SaveChangesAsync();
        });
        return (tenant, email, rich.Id, small.Id);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_balance_page_shows_cards_both_charts_and_the_ledger_without_horizontal_overflow(int width)
    {
        var (tenant, email, rich, small) = await SeedAsync("Balance" + width);
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
        var signIn = await context.APIRequest.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        Assert.True(signIn.Ok, $"sign-in answered {signIn.Status}");
        await page.GotoAsync($"/stores/{tenant.Slug}/balance");

        var richCard = page.Locator($"#bot-balances [data-bot='{rich}']");
        await Assertions.Expect(richCard.Locator(".earned")).ToHaveTextAsync("1,850 ⭐");
        await Assertions.Expect(richCard.Locator(".withdrawable")).ToHaveTextAsync("1,150 ⭐");
        await Assertions.Expect(richCard.Locator(".on-hold")).ToHaveTextAsync("550 ⭐");
        await Assertions.Expect(richCard.Locator(".minimum")).ToHaveTextAsync("Reached: you can withdraw");
        await Assertions.Expect(richCard.Locator(".next-release")).ToContainTextAsync("400 ⭐ on ");
        var smallCard = page.Locator($"#bot-balances [data-bot='{small}']");
        await Assertions.Expect(smallCard.Locator(".minimum")).ToHaveTextAsync("1,000 more Stars to reach 1,000");
        await Assertions.Expect(page.Locator("#withdraw-notice")).ToContainTextAsync("@rich_shop_bot_with_a_long_username");
        await Assertions.Expect(page.Locator("#how-to-withdraw")).ToContainTextAsync("Withdraw via Fragment");
        await Assertions.Expect(page.Locator("#telegram-link")).ToHaveAttributeAsync("href", $"/stores/{tenant.Slug}/balance/telegram");
        await Assertions.Expect(page.Locator("#mismatches tbody tr")).ToHaveCountAsync(1);

        var earnings = page.Locator("#earnings-chart svg");
        await Assertions.Expect(earnings).ToBeVisibleAsync();
        await Assertions.Expect(earnings.Locator("g.day")).ToHaveCountAsync(LedgerReader.ChartDays);
        await Assertions.Expect(earnings.Locator("rect.up")).ToHaveCountAsync(5);
        await Assertions.Expect(earnings.Locator("rect.down")).ToHaveCountAsync(1);
        var releases = page.Locator("#releases-chart svg");
        await Assertions.Expect(releases).ToBeVisibleAsync();
        await Assertions.Expect(releases.Locator("rect.up")).ToHaveCountAsync(3); // the rich bot's two releases and the small one's
        await Assertions.Expect(page.Locator("#release-schedule tbody tr")).ToHaveCountAsync(3);
        var box = await earnings.BoundingBoxAsync();
        Assert.True(box!.Width <= width && box.Width >= Math.Min(width - 100, 500), $"chart {box.Width}×{box.Height} at {width} px");

        await Assertions.Expect(page.Locator("#ledger tbody tr")).ToHaveCountAsync(6);
        await page.SelectOptionAsync("#Kind", "Refund");
        await page.ClickAsync("#ledger-filters button[type=submit]");
        await Assertions.Expect(page.Locator("#ledger tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#ledger .stars")).ToHaveTextAsync("-150");
        await Assertions.Expect(page.Locator("#csv-link")).ToHaveAttributeAsync("href", $"/stores/{tenant.Slug}/balance/ledger.csv?Kind=Refund");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px at {width} px.");
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("?Bot=not-a-guid&Kind=nope&From=yesterday&To=9999-12-31&page=-4")]
    [InlineData("?From=0001-01-01&To=9999-12-31")]
    [InlineData("?From=2026-03-02&To=2026-03-01")]
    [InlineData("?page=2147483647&Kind=Withdrawal")]
    public async Task Query_values_that_do_not_parse_are_ignored_not_an_error(string query)
    {
        var (tenant, email, _, _) = await SeedAsync("Odd");
        var (other, _) = await app.NewStoreAsync("Stranger");
        var strangerBot = await app.NewBotAsync(other, "stranger_bot");
        using var http = await app.SignedInClientAsync(email, tenant);

        var page = await http.GetAsync($"stores/{tenant.Slug}/balance{query}");
        var csv = await http.GetAsync($"stores/{tenant.Slug}/balance/ledger.csv{query}");
        var stranger = await http.GetAsync($"stores/{tenant.Slug}/balance?Bot={strangerBot.Id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.DoesNotContain("stranger_bot", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
