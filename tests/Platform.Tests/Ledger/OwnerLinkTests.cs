using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Ledger;
using Platform.Core.Outbound.Texts;
using Platform.Core.Tenancy;
using Platform.Tests.Bots;
using Platform.Tests.Portal;
using Platform.Tests.Subscriptions;

namespace Platform.Tests.Ledger;

/// <summary>
/// Linking the store owner's Telegram account: a one-time code from the portal, sent as /start own_… in the sandbox chat,
/// links once and only within 15 minutes; a reused, expired or garbage payload gets a friendly line and changes nothing.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class OwnerLinkTests(SubscriptionAppFactory app) : IClassFixture<SubscriptionAppFactory>
{
    [Fact]
    public async Task The_owner_links_their_Telegram_account_with_the_portal_code_and_the_code_works_only_once()
    {
        var store = await TestStore.CreateAsync(app, "Linked");
        using var owner = await OwnerPortal.SignInAsync(store);
        var (status, before) = await owner.Portal.GetAsync($"/stores/{owner.Slug}/balance/telegram");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(before.QuerySelector("#not-linked"));

        using var response = await owner.Portal.SubmitAsync($"/stores/{owner.Slug}/balance/telegram", new Dictionary<string, string>(), "#code-form");
        var page = await PortalClient.ParseAsync(response);
        var payload = page.QuerySelector("#start-command")!.TextContent.Trim()["/start ".Length..];
        var botUsername = (await app.Telegram.BotAsync(store.TelegramBotId)).GetProperty("username").GetString();
        Assert.Equal($"https://t.me/{botUsername}?start={payload}", page.QuerySelector("a.deep-link")!.GetAttribute("href"));
        Assert.Equal(app.Sandbox.BaseUrl.ToString().TrimEnd('/') + "/sandbox", page.QuerySelector("#sandbox-chat a")!.GetAttribute("href"));
        var code = payload[OwnerLinks.StartPrefix.Length..];
        Assert.True(Convert.FromBase64String(code.Replace('-', '+').Replace('_', '/')).Length * 8 >= 128);
        var row = await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync());
        Assert.Equal(OwnerLinks.Hash(code), row.PendingCodeHash); // only the hash is kept
        Assert.DoesNotContain(code, row.PendingCodeHash, StringComparison.Ordinal);

        var olga = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Olga");
        await olga.SendAsync("/start " + payload);
        await olga.WaitForAsync(m => SandboxClient.Text(m) == BotTexts.English.OwnerLinked("Linked"));
        row = await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync());
        Assert.Equal((olga.UserId, store.BotId, (string?)null), (row.TelegramUserId!.Value, row.BotId!.Value, row.PendingCodeHash));
        Assert.Equal("Olga (@olga)", row.TelegramName);

        var (_, linked) = await owner.Portal.GetAsync($"/stores/{owner.Slug}/balance/telegram");
        Assert.Equal("Olga (@olga)", linked.QuerySelector("#linked-name")!.TextContent);
        Assert.Equal("@" + botUsername, linked.QuerySelector("#linked-bot")!.TextContent);

        // The same code again, from someone else: refused, the link stays Olga's.
        var mallory = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Mallory");
        await mallory.SendAsync("/start " + payload);
        await mallory.WaitForAsync(m => SandboxClient.Text(m) == BotTexts.English.OwnerLinkInvalid);
        Assert.Equal(olga.UserId, (await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync())).TelegramUserId);

        // Unlink: the bots forget her.
        using var unlink = await owner.Portal.SubmitAsync($"/stores/{owner.Slug}/balance/telegram", new Dictionary<string, string>(), "#unlink-form");
        Assert.Equal(HttpStatusCode.Redirect, unlink.StatusCode);
        row = await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync());
        Assert.Null(row.TelegramUserId);
        Assert.Null(row.BotId);
    }

    [Fact]
    public async Task A_code_sent_after_15_minutes_is_refused_and_links_nobody()
    {
        var store = await TestStore.CreateAsync(app, "Expired");
        using var owner = await OwnerPortal.SignInAsync(store);
        var payload = await owner.MakeCodeAsync();
        await app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = 15 * 60 + 1 });

        var olga = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Olga", language: "ru");
        await olga.SendAsync("/start " + payload);
        await olga.WaitForAsync(m => SandboxClient.Text(m) == BotTexts.Russian.OwnerLinkInvalid);
        var row = await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync());
        Assert.Null(row.TelegramUserId);
        Assert.NotNull(row.PendingCodeHash);
    }

    [Fact]
    public async Task Garbage_owner_payloads_get_a_friendly_answer_and_change_nothing()
    {
        var store = await TestStore.CreateAsync(app, "Garbage");
        using var owner = await OwnerPortal.SignInAsync(store);
        await owner.MakeCodeAsync();
        var before = await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync());
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Pat");
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) is not null);

        // Through the sandbox chat: too long, the wrong alphabet, empty.
        foreach (var garbage in new[] { "own_" + new string('A', 1000), "own_" + new string('é', 32), "own_", "own_../../etc/passwd%00" })
        {
            await buyer.SendAsync("/start " + garbage);
        }

        await buyer.WaitForCountAsync(m => SandboxClient.Text(m) == BotTexts.English.OwnerLinkInvalid, 4);

        // Straight to the ingress, what a chat page cannot type: NUL and a lone surrogate in the payload.
        var secret = await IngressTests.SecretAsync(store);
        using var http = app.CreateHttpClient();
        var id = 9_000L;
        foreach (var text in new[] { "/start own_\\u0000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/start own_\\ud800AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
        {
            var user = $$$"""{"id":{{{buyer.UserId}}},"is_bot":false,"first_name":"Pat","language_code":"en"}""";
            var chat = $$$"""{"id":{{{buyer.UserId}}},"type":"private","first_name":"Pat"}""";
            var message = $$$"""{"message_id":{{{++id}}},"date":1700000000,"chat":{{{chat}}},"from":{{{user}}},"text":"{{{text}}}"}""";
            var body = $$$"""{"update_id":{{{id}}},"message":{{{message}}}}""";
            using var answer = await IngressTests.PostAsync(http, store.BotId, secret, body);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        // The NUL reaches the router and gets the line; a lone surrogate is set aside by the update reader (Telegram.Bot's
        // JSON cannot read it) before the store sees it — acknowledged, stored, nothing sent, nothing changed.
        await buyer.WaitForCountAsync(m => SandboxClient.Text(m) == BotTexts.English.OwnerLinkInvalid, 5);
        await OwnerPortal.WaitAsync(() => store.WithDbAsync(db => db.InboxUpdates.AllAsync(u => u.ProcessedAt != null)));
        var failed = await store.WithDbAsync(db => db.InboxUpdates.Where(u => u.LastError != null)
            .Select(u => new { u.UpdateId, u.LastError }).ToListAsync());
        Assert.All(failed, f => Assert.True(f.UpdateId == id && f.LastError!.StartsWith("JsonException", StringComparison.Ordinal), f.LastError));
        var after = await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync());
        Assert.Equivalent(before, after);
    }

    [Fact]
    public async Task A_code_redeems_once_even_in_the_service_and_a_name_with_a_NUL_is_stored_cleaned()
    {
        var store = await TestStore.CreateAsync(app, "Staffed");
        await using var scope = app.CreateTenantScope(store.Tenant);
        var code = await scope.ServiceProvider.GetRequiredService<OwnerLinks>().CreateCodeAsync(Guid.NewGuid(), CancellationToken.None);
        Assert.True(OwnerLinks.IsWellFormed(code));
        Assert.False(await scope.ServiceProvider.GetRequiredService<OwnerLinks>().RedeemAsync(code + "x", store.BotId, 1, "x", CancellationToken.None));
        Assert.True(await scope.ServiceProvider.GetRequiredService<OwnerLinks>().RedeemAsync(code, store.BotId, 1, "Nul\0Name", CancellationToken.None));
        Assert.False(await scope.ServiceProvider.GetRequiredService<OwnerLinks>().RedeemAsync(code, store.BotId, 2, "x", CancellationToken.None));
        Assert.Equal("Nul\uFFFDName", (await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync())).TelegramName);
    }

    [Fact]
    public async Task Staff_see_the_link_state_but_may_not_make_a_code()
    {
        var store = await TestStore.CreateAsync(app, "Owned");
        var other = await TestStore.CreateAsync(app, "Helper");
        var email = $"{other.Tenant.Slug}@example.test";
        var staffId = await other.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await store.WithDbAsync(db =>
        {
            db.Memberships.Add(new Membership { Id = Guid.NewGuid(), UserId = staffId, Role = MembershipRole.Staff, CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        using var staff = await OwnerPortal.SignInAsync(other);
        var path = $"/stores/{store.Tenant.Slug}/balance/telegram";
        var (status, page) = await staff.Portal.GetAsync(path);
        if (status != HttpStatusCode.OK)
        {
            // Signed in on their own store: switch to the one they help in.
            using var switched = await staff.Portal.SwitchStoreAsync(other.Tenant.Slug, store.Tenant.Slug);
            (status, page) = await staff.Portal.GetAsync(path);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("#not-linked"));
        Assert.Null(page.QuerySelector("#code-form"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);
        using var post = await staff.Portal.Http.PostAsync(path + "?handler=Code",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var location = post.Headers.Location?.ToString() ?? "";
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden || location.Contains("/access-denied", StringComparison.OrdinalIgnoreCase),
            $"{post.StatusCode} {location}");
        Assert.False(await store.WithDbAsync(db => db.OwnerTelegramLinks.AnyAsync()));
    }
}
