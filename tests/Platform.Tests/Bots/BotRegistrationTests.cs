using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Tests.Portal;
using Telegram.Bot;

namespace Platform.Tests.Bots;

/// <summary>Connecting bots on the portal: getMe, webhook with secret, commands, one store per bot, removal.</summary>
[Collection(BotTests.Collection)]
public sealed class BotRegistrationTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Owner_connects_a_bot_on_the_portal_and_another_store_cannot_take_it()
    {
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Portal Bots", PortalClient.UniqueEmail("owner"));
        var telegramBot = await app.Telegram.CreateBotAsync();

        using var refused = await owner.SubmitAsync($"/stores/{slug}/bots", new Dictionary<string, string> { ["Token"] = "not-a-token" });
        Assert.Contains("does not look like a bot token", PortalClient.FieldError(await PortalClient.ParseAsync(refused), "Token"), StringComparison.Ordinal);

        using var connected = await owner.SubmitAsync($"/stores/{slug}/bots", new Dictionary<string, string> { ["Token"] = telegramBot.Token });
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
        var (_, page) = await owner.GetAsync($"/stores/{slug}/bots");
        Assert.Contains($"@{telegramBot.Username}", page.QuerySelector("#bots")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(telegramBot.Token, page.Source.Text, StringComparison.Ordinal);

        // Telegram side: webhook at /telegram/{botId} with a secret, and our commands.
        var sandboxBot = await app.Telegram.BotAsync(telegramBot.Id);
        Assert.Contains("/telegram/", sandboxBot.GetProperty("webhook").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains(sandboxBot.GetProperty("commands").EnumerateArray(), c => c.GetProperty("command").GetString() == "paysupport");

        // The token is encrypted at rest.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var reader = scope.ServiceProvider.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
            var stored = await reader.Bots.SingleAsync(b => b.TelegramBotId == telegramBot.Id);
            Assert.DoesNotContain(telegramBot.Token.Split(':')[1], stored.TokenCiphertext, StringComparison.Ordinal);
        }

        using var other = new PortalClient(app);
        var otherSlug = await other.SignUpAsync("Other Store", PortalClient.UniqueEmail("other"));
        using var taken = await other.SubmitAsync($"/stores/{otherSlug}/bots", new Dictionary<string, string> { ["Token"] = telegramBot.Token });
        Assert.Contains("already connected to another store", PortalClient.FieldError(await PortalClient.ParseAsync(taken), "Token"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_bot_deletes_its_webhook_and_a_revoked_token_marks_it_broken()
    {
        var store = await TestStore.CreateAsync(app, "Removal");
        await store.WithScopeAsync(sp => sp.GetRequiredService<BotRegistrationService>().RemoveAsync(store.BotId, CancellationToken.None));
        var sandboxBot = await app.Telegram.BotAsync(store.TelegramBotId);
        Assert.True(!sandboxBot.TryGetProperty("webhook", out var hook) || hook.ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal(0, await store.WithDbAsync(db => db.Bots.CountAsync()));

        // A token Telegram rejects (401): the bot is marked broken with a bot.broken event, once.
        var second = await TestStore.CreateAsync(app, "Revoked");
        await second.WithDbAsync(async db =>
        {
            var bot = await db.Bots.SingleAsync();
            var secrets = app.Services.GetRequiredService<BotSecrets>();
            bot.TokenCiphertext = secrets.Protect($"{second.TelegramBotId}:AAnot-the-real-token-at-all-xxxxxxxxxxx");
            return await db.SaveChangesAsync();
        });
        var status = await second.WithScopeAsync(sp => sp.GetRequiredService<BotRegistrationService>().StatusAsync(second.BotId, CancellationToken.None));
        await second.WithScopeAsync(sp => sp.GetRequiredService<BotRegistrationService>().StatusAsync(second.BotId, CancellationToken.None));
        Assert.Equal(BotStatus.Broken, status!.Status);
        Assert.Equal(1, await second.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "bot.broken")));
    }

    [Fact]
    public async Task A_bot_registered_before_a_release_that_needs_more_update_kinds_is_resynced_once_by_the_refresh_job()
    {
        var telegramBot = await app.Telegram.CreateBotAsync();
        var slug = "refresh" + Guid.NewGuid().ToString("N")[..6];
        await app.SignUpStoreAsync("Refresh", $"{slug}@example.test", "correct horse battery staple", slug);
        var tenant = (await app.Services.GetRequiredService<Platform.Core.Tenancy.ITenantStore>().FindBySlugAsync(slug, CancellationToken.None))!;
        Guid botId;
        await using (var scope = app.CreateTenantScope(tenant))
        {
            var registered = await scope.ServiceProvider.GetRequiredService<BotRegistrationService>().RegisterAsync(telegramBot.Token, CancellationToken.None);
            botId = registered.Value!.Id;
        }

        // As an earlier release left it: the same address, only messages, buttons and pre-checkout queries.
        var client = new TelegramBotClient(new TelegramBotClientOptions(telegramBot.Token, app.Sandbox.BaseUrl.ToString().TrimEnd('/')));
        var url = (await client.GetWebhookInfo()).Url;
        await client.SetWebhook(url, allowedUpdates: [Telegram.Bot.Types.Enums.UpdateType.Message, Telegram.Bot.Types.Enums.UpdateType.CallbackQuery,
            Telegram.Bot.Types.Enums.UpdateType.PreCheckoutQuery]);

        var job = app.Services.GetRequiredService<BotWebhookRefreshJob>();
        Assert.True(await job.RefreshAsync(tenant.Id, botId, CancellationToken.None));
        Assert.False(await job.RefreshAsync(tenant.Id, botId, CancellationToken.None)); // up to date: nothing more happens

        var info = await client.GetWebhookInfo();
        Assert.Equal(url, info.Url);
        Assert.All(BotRegistrationService.AllowedUpdates, kind => Assert.Contains(kind, info.AllowedUpdates!));
    }
}
