using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Ledger;

namespace Platform.Tests.Ledger;

/// <summary>
/// <c>/api/v1/balance</c> and <c>/api/v1/ledger</c> with a real token: exact figures for a store with sales, a renewal,
/// a refund and fractional income on a clock moved to and past the 21-day edge; another store's bot is a 404, bad
/// filters are 400 problems, and without an API token nothing is answered.
/// </summary>
public sealed class BalanceApiTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (long Stars, int Nanostars) Amount(JsonElement e) => (e.GetProperty("stars").GetInt64(), e.GetProperty("nanostars").GetInt32());

    [Fact]
    public async Task Balance_shows_exact_eligibility_and_release_dates_before_at_and_after_the_21_day_edge()
    {
        var (tenant, email) = await app.NewStoreAsync("Ledger");
        var bot = await app.NewBotAsync(tenant, "ledger_bot");
        var t0 = app.Clock.GetUtcNow();
        await app.WriteAsync(tenant, l =>
        [
            l.SaleCredit(bot.Id, "c1", 800, null, renewal: false, t0.AddDays(-2)),
            l.SaleCredit(bot.Id, "c2", 500, null, renewal: false, t0.AddDays(-1)),
            l.SaleCredit(bot.Id, "c3", 300, null, renewal: true, t0),
            l.RefundDebit(bot.Id, "c2", 500, null, t0),
            l.FromTelegram(bot.Id, StarLedgerKind.OtherIncome, LedgerAmount.FromStars(0, 500_000_000), t0, "income:tx1", "tx1", "paid media"),
            l.SaleCredit(bot.Id, "c1", 800, null, renewal: false, t0.AddDays(-2)), // a repeated update: nothing twice
        ]);

        // One second before c2's release: only c1 (800) is out; the refund of c2 takes 500 of it.
        app.Clock.SetUtcNow(t0.AddDays(20).AddSeconds(-1));
        using var api = await app.ApiClientAsync(tenant, email);
        var before = (await JsonAsync(await api.GetAsync($"api/v1/balance?botId={bot.Id}"))).GetProperty("bots")[0];
        Assert.Equal((300, 0), Amount(before.GetProperty("withdrawable")));
        Assert.Equal((800, 500_000_000), Amount(before.GetProperty("onHold")));

        // At exactly 21 days after c2 was paid it counts as released.
        app.Clock.SetUtcNow(t0.AddDays(20));
        using var api2 = await app.ApiClientAsync(tenant, email); // a token of the moved clock's time
        var at = (await JsonAsync(await api2.GetAsync($"api/v1/balance?botId={bot.Id}"))).GetProperty("bots")[0];
        Assert.Equal(bot.Id, at.GetProperty("botId").GetGuid());
        Assert.Equal((1600, 500_000_000), Amount(at.GetProperty("earned")));
        Assert.Equal((500, 0), Amount(at.GetProperty("refunded")));
        Assert.Equal((0, 0), Amount(at.GetProperty("withdrawn")));
        Assert.Equal((1100, 500_000_000), Amount(at.GetProperty("balance")));
        Assert.Equal((800, 0), Amount(at.GetProperty("withdrawable")));
        Assert.Equal((300, 500_000_000), Amount(at.GetProperty("onHold")));
        Assert.Equal(1000, at.GetProperty("minimumWithdrawalStars").GetInt64());
        Assert.False(at.GetProperty("minimumReached").GetBoolean());
        Assert.Equal(t0.AddDays(21), at.GetProperty("nextReleaseAt").GetDateTimeOffset());
        var release = Assert.Single(at.GetProperty("releases").EnumerateArray());
        Assert.Equal(t0.AddDays(21).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), release.GetProperty("date").GetString());
        Assert.Equal((300, 500_000_000), Amount(release.GetProperty("amount")));

        // Past the edge everything is out and the minimum is reached.
        app.Clock.SetUtcNow(t0.AddDays(21));
        using var api3 = await app.ApiClientAsync(tenant, email);
        var after = (await JsonAsync(await api3.GetAsync("api/v1/balance"))).GetProperty("bots")[0];
        Assert.Equal((1100, 500_000_000), Amount(after.GetProperty("withdrawable")));
        Assert.Equal((0, 0), Amount(after.GetProperty("onHold")));
        Assert.True(after.GetProperty("minimumReached").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("nextReleaseAt").ValueKind);
        Assert.Empty(after.GetProperty("releases").EnumerateArray());
    }

    [Fact]
    public async Task The_ledger_lists_rows_newest_first_filtered_by_bot_kind_and_time_and_paged()
    {
        var (tenant, email) = await app.NewStoreAsync("Rows");
        var bot = await app.NewBotAsync(tenant, "rows_bot");
        var other = await app.NewBotAsync(tenant, "other_bot");
        var t0 = app.Clock.GetUtcNow();
        await app.WriteAsync(tenant, l =>
        [
            l.SaleCredit(bot.Id, "r1", 100, null, renewal: false, t0.AddHours(-3)),
            l.SaleCredit(bot.Id, "r2", 200, null, renewal: false, t0.AddHours(-2)),
            l.RefundDebit(bot.Id, "r2", 200, null, t0.AddHours(-1)),
            l.SaleCredit(other.Id, "r3", 50, null, renewal: false, t0.AddHours(-1)),
        ]);
        using var api = await app.ApiClientAsync(tenant, email);

        var page = await JsonAsync(await api.GetAsync($"api/v1/ledger?botId={bot.Id}&pageSize=2"));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["refund", "payment"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal((-200, 0), Amount(items[0].GetProperty("amount")));
        Assert.Equal("r2", items[0].GetProperty("telegramTransactionId").GetString());
        var second = await JsonAsync(await api.GetAsync($"api/v1/ledger?botId={bot.Id}&pageSize=2&page=1"));
        Assert.Equal("r1", second.GetProperty("items")[0].GetProperty("telegramTransactionId").GetString());

        var refunds = await JsonAsync(await api.GetAsync("api/v1/ledger?kind=refund"));
        Assert.Equal(1, refunds.GetProperty("total").GetInt32());
        var from = Uri.EscapeDataString(t0.AddHours(-2).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(t0.AddHours(-1).ToString("O", CultureInfo.InvariantCulture));
        var window = await JsonAsync(await api.GetAsync($"api/v1/ledger?from={from}&to={to}"));
        Assert.Equal("r2", Assert.Single(window.GetProperty("items").EnumerateArray()).GetProperty("telegramTransactionId").GetString());
    }

    [Fact]
    public async Task Another_stores_bot_is_404_and_bad_filters_are_400_problems()
    {
        var (tenant, email) = await app.NewStoreAsync("Mine");
        await app.NewBotAsync(tenant, "mine_bot");
        var (theirs, _) = await app.NewStoreAsync("Theirs");
        var theirBot = await app.NewBotAsync(theirs, "their_bot");
        await app.WriteAsync(theirs, l => [l.SaleCredit(theirBot.Id, "t1", 5000, null, renewal: false, app.Clock.GetUtcNow().AddDays(-30))]);
        using var api = await app.ApiClientAsync(tenant, email);

        foreach (var url in new[] { $"api/v1/balance?botId={theirBot.Id}", $"api/v1/ledger?botId={theirBot.Id}" })
        {
            var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("5000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var mine = await JsonAsync(await api.GetAsync("api/v1/balance"));
        Assert.Equal("mine_bot", Assert.Single(mine.GetProperty("bots").EnumerateArray()).GetProperty("botUsername").GetString());
        Assert.Equal(0, (await JsonAsync(await api.GetAsync("api/v1/ledger"))).GetProperty("total").GetInt32());

        foreach (var (query, field) in new[]
        {
            ("kind=bogus", "kind"), ("pageSize=500", "page"), ("page=-1", "page"), ("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to"),
        })
        {
            var response = await api.GetAsync("api/v1/ledger?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("api/v1/balance?botId=not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("api/v1/ledger?from=yesterday")).StatusCode);
    }

    [Fact]
    public async Task Without_an_api_token_the_balance_and_ledger_answer_401_even_to_a_signed_in_member()
    {
        var (tenant, email) = await app.NewStoreAsync("Cookie");
        using var anonymous = app.CreateHttpClient();
        using var browser = await app.SignedInClientAsync(email, tenant);

        foreach (var http in new[] { anonymous, browser })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/v1/balance")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/v1/ledger")).StatusCode);
        }
    }
}
