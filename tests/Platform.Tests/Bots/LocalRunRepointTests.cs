using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core;
using Platform.Core.Data;
using Platform.Tests.Portal;
using Platform.Web.LocalRun;
using Telegram.Bot;

namespace Platform.Tests.Bots;

/// <summary>
/// The local run started on another port: the sandbox bots' webhooks still name the first run's address until the
/// start re-points them; the Bots page shows where each webhook points.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class LocalRunRepointTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task A_bot_registered_by_a_run_on_another_port_is_pointed_at_this_run_at_start_and_the_Bots_page_shows_where()
    {
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Moved Store", PortalClient.UniqueEmail("moved"));
        var telegramBot = await app.Telegram.CreateBotAsync();
        using (await owner.SubmitAsync($"/stores/{slug}/bots", new Dictionary<string, string> { ["Token"] = telegramBot.Token }))
        {
        }

        Guid botId;
        await using (var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader())
        {
            botId = await reader.Bots.Where(b => b.TelegramBotId == telegramBot.Id).Select(b => b.Id).SingleAsync();
        }

        // What the first run (launch profile port 5080) left behind.
        var earlier = $"http://localhost:5080/telegram/{botId}";
        var bot = new TelegramBotClient(new TelegramBotClientOptions(telegramBot.Token, app.Sandbox.BaseUrl.ToString().TrimEnd('/')));
        await bot.SetWebhook(earlier, secretToken: "an-old-secret-of-the-first-run");
        Assert.Equal(earlier, await WebhookCellAsync(owner, slug));

        var moved = await LocalSandboxBots.RepointAsync(app.Services, NullLogger.Instance, CancellationToken.None);
        var again = await LocalSandboxBots.RepointAsync(app.Services, NullLogger.Instance, CancellationToken.None);

        Assert.Equal((1, 0), (moved, again));
        var current = new Uri(app.Services.GetRequiredService<IPublicBaseUrl>().Value, $"telegram/{botId}").ToString();
        Assert.NotEqual(earlier, current);
        Assert.Equal(current, (await bot.GetWebhookInfo()).Url);
        Assert.Equal(current, await WebhookCellAsync(owner, slug));

        // The chat talks again: the re-pointed webhook carries a secret this run accepts.
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, telegramBot.Id, "Mo");
        await buyer.SendAsync("/help");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) is not null);
    }

    private static async Task<string> WebhookCellAsync(PortalClient owner, string slug)
    {
        var (_, page) = await owner.GetAsync($"/stores/{slug}/bots");
        return page.QuerySelector("#bots .webhook-url")!.TextContent.Trim();
    }
}
