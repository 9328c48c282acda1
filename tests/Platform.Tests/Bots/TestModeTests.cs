using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Core.Orders;
using Platform.Tests.Infrastructure;
using Platform.Tests.Portal;

namespace Platform.Tests.Bots;

/// <summary>
/// Test mode (docs/test-mode.md): from the Bots page one click makes the store's test bot and buyer in the sandbox and
/// opens the sandbox chat, where a purchase runs to a paid order the portal lists; a second click reuses both; each
/// store's scoped token shows and reaches only its own test bots, buyers and chats.
/// </summary>
[Collection(BotTests.Collection)]
public sealed partial class TestModeTests(BotAppFactory app, BrowserFixture browser) : IClassFixture<BotAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_test_mode_flow_from_the_Bots_page_ends_in_a_paid_test_order_on_the_orders_page()
    {
        var store = await TestStore.CreateAsync(app, "Trial");
        await store.AddTextProductAsync("Field guide", 7, "The field guide text, delivered.");
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        // Generous: the first pages of a fresh host on a busy 2-core machine have taken over 15 s.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        var email = $"{store.Tenant.Slug}@example.test";
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("correct horse battery staple");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/stores/"));
        await page.GotoAsync($"/stores/{store.Tenant.Slug}/bots");

        await page.GetByRole(AriaRole.Button, new() { Name = "Try your store in test mode" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/sandbox\\?user=\\d+&bot=\\d+#scope="));
        Assert.StartsWith(app.Sandbox.BaseUrl.ToString().TrimEnd('/'), page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#bot option")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#balance")).ToHaveTextAsync("1000", new() { Timeout = 15_000 });
        await page.GetByLabel("Message").FillAsync("/start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await ClickAsync(page, new Regex("Catalog"));
        await ClickAsync(page, new Regex("Field guide"));
        await ClickAsync(page, new Regex("^Buy"));
        await ClickAsync(page, new Regex("^Pay"));
        await Assertions.Expect(page.Locator("#messages")).ToContainTextAsync("The field guide text, delivered.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#balance")).ToHaveTextAsync("993", new() { Timeout = 15_000 });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The chat page scrolls sideways by {overflow} px at 390 px.");

        await page.GotoAsync($"{app.BaseAddress}stores/{store.Tenant.Slug}/orders");
        var row = page.Locator("#orders tbody tr", new() { HasText = "Field guide" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync(new Regex("Paid|Delivered"));
        var testBot = await store.WithDbAsync(db => db.Bots.SingleAsync(b => b.TestMode));
        Assert.Equal(OrderStatus.Fulfilled, await store.WithDbAsync(db => db.Orders.Where(o => o.BotId == testBot.Id).Select(o => o.Status).SingleAsync()));

        await page.GotoAsync($"{app.BaseAddress}stores/{store.Tenant.Slug}/bots");
        await Assertions.Expect(page.Locator("#bots tr", new() { HasText = "@" + testBot.Username }).Locator(".badge")).ToHaveTextAsync("Test mode");
    }

    [Fact]
    public async Task A_second_click_reuses_the_test_bot_and_buyer_and_each_store_sees_only_its_own_test_chats()
    {
        using var alpha = new PortalClient(app);
        var alphaSlug = await alpha.SignUpAsync("Alpha Trial", PortalClient.UniqueEmail("alpha"));
        using var bravo = new PortalClient(app);
        var bravoSlug = await bravo.SignUpAsync("Bravo Trial", PortalClient.UniqueEmail("bravo"));

        var first = await OpenAsync(alpha, alphaSlug);
        var again = await OpenAsync(alpha, alphaSlug);
        Assert.Equal((first.User, first.Bot, first.Token), (again.User, again.Bot, again.Token));
        var other = await OpenAsync(bravo, bravoSlug);
        Assert.NotEqual(first.Bot, other.Bot);
        Assert.NotEqual(first.User, other.User);

        using var alphaSandbox = Scoped(first.Token);
        using var bravoSandbox = Scoped(other.Token);
        using (await alphaSandbox.PostAsync($"sandbox/v1/users/{first.User}/bots/{first.Bot}/messages", Json(new { text = "/start" }))) { }
        Assert.Equal([other.Bot], Ids(await bravoSandbox.GetStringAsync("sandbox/v1/bots")));
        Assert.Equal([other.User], Ids(await bravoSandbox.GetStringAsync("sandbox/v1/users")));
        foreach (var path in new[] { $"users/{first.User}/bots/{first.Bot}/chat", $"users/{other.User}/bots/{first.Bot}/chat", $"bots/{first.Bot}" })
        {
            using var response = await bravoSandbox.GetAsync("sandbox/v1/" + path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        // A token forged from Bravo's for Alpha's scope is refused.
        using var forged = Scoped(other.Token.Replace(other.Token.Split('.')[1], first.Token.Split('.')[1], StringComparison.Ordinal));
        using (var refused = await forged.GetAsync("sandbox/v1/bots"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var (_, alphaBots) = await alpha.GetAsync($"/stores/{alphaSlug}/bots");
        Assert.Single(alphaBots.QuerySelectorAll("#bots .badge"), b => b.TextContent == "Test mode");
        var (_, bravoBots) = await bravo.GetAsync($"/stores/{bravoSlug}/bots");
        var alphaBot = (await (await alphaSandbox.GetAsync($"sandbox/v1/bots/{first.Bot}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(JsonDocument.Parse(alphaBot).RootElement.GetProperty("username").GetString()!, bravoBots.Source.Text, StringComparison.Ordinal);
    }

    private static async Task ClickAsync(IPage page, Regex name) =>
        await page.GetByRole(AriaRole.Button, new() { NameRegex = name }).Last.ClickAsync(new() { Timeout = 60_000 });

    private static async Task<(long User, long Bot, string Token)> OpenAsync(PortalClient owner, string slug)
    {
        using var response = await owner.SubmitAsync($"/stores/{slug}/bots/test-mode", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var match = ChatLink().Match(location.OriginalString);
        Assert.True(match.Success, location.OriginalString);
        return (long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(match.Groups[3].Value));
    }

    private HttpClient Scoped(string token)
    {
        var client = new HttpClient { BaseAddress = app.Sandbox.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Sandbox-Scope-Token", token);
        return client;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static long[] Ids(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ToArray();

    [GeneratedRegex("/sandbox\\?user=(\\d+)&bot=(\\d+)#scope=(.+)$")]
    private static partial Regex ChatLink();
}
