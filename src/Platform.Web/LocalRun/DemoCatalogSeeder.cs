using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;

namespace Platform.Web.LocalRun;

/// <summary>
/// The demo store's shop window for the local run: a sandbox bot registered through the real registration path
/// (getMe, webhook, commands) and a buyer with Stars. The products and storefront texts are the catalog side's
/// <see cref="DemoCatalog"/>, made before the server starts. Runs once the server listens
/// (the webhook URL needs its address); does nothing when the demo store already has a bot.
/// </summary>
public static class DemoCatalogSeeder
{
    public static async Task SeedAsync(IServiceProvider services, Uri sandbox, ILogger logger, CancellationToken cancellationToken)
    {
        var tenant = await services.GetRequiredService<ITenantStore>().FindBySlugAsync(LocalRunStartup.DemoSlug, cancellationToken);
        if (tenant is null)
        {
            return;
        }

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.Bots.AnyAsync(cancellationToken))
        {
            return;
        }

        using var http = new HttpClient { BaseAddress = sandbox };
        var token = await SandboxBotTokenAsync(http, cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<BotRegistrationService>().RegisterAsync(token, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("The demo bot could not be registered: {Error}", result.Failure.Message);
            return;
        }

        await http.PostAsJsonAsync("sandbox/v1/users", new { first_name = "Demo Buyer", username = "demo_buyer", language_code = "en", stars = 1000 },
            cancellationToken);
        await SeedMembershipPlanAsync(scope.ServiceProvider, http, result.Value.Id, result.Value.TelegramBotId, logger, cancellationToken);
    }

    /// <summary>
    /// A private sandbox channel with the demo bot as administrator and a monthly plan granting it (and the demo's text
    /// products), so the local run shows subscriptions end to end. The plan waits for the bot's my_chat_member update,
    /// as a merchant's would; if it does not come within 15 s the plan is left out (logged).
    /// </summary>
    private static async Task SeedMembershipPlanAsync(IServiceProvider services, HttpClient http, Guid botId, long telegramBotId, ILogger logger,
        CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("sandbox/v1/channels",
            new { title = "Starfront Demo Club", username = $"starfront_demo_club{Random.Shared.Next(1000, 9999)}", bot_id = telegramBotId },
            cancellationToken);
        var channelId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetInt64();
        var db = services.GetRequiredService<PlatformDbContext>();
        for (var i = 0; i < 150 && !await db.ManagedChats.AnyAsync(c => c.BotId == botId && c.TelegramChatId == channelId, cancellationToken); i++)
        {
            await Task.Delay(100, cancellationToken);
        }

        var texts = await db.Products.Where(p => p.Kind == ProductKind.Text).Select(p => p.Id).Take(1).ToListAsync(cancellationToken);
        var plan = await services.GetRequiredService<PlanService>().CreateAsync(
            new ProductInput
            {
                Kind = ProductKind.Subscription,
                Title = "Demo Club (monthly)",
                Description = "Members-only posts in the Starfront Demo Club channel, renewed every 30 days.",
                PriceStars = 100,
                State = ProductState.Published,
            },
            new PlanInput { ChannelAccess = ChannelAccessMode.PersonalLink, GrantChats = [channelId], GrantProducts = texts }, cancellationToken);
        if (!plan.Succeeded)
        {
            logger.LogWarning("The demo membership plan was not created: {Error}", string.Join("; ", plan.Errors.SelectMany(e => e.Value)));
        }
    }

    /// <summary>A fresh sandbox bot (BotFather's control API); the demo store registers it like a merchant would.</summary>
    private static async Task<string> SandboxBotTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("sandbox/v1/bots", new { username = $"starfront_demo{Random.Shared.Next(1000, 9999)}_bot" },
            cancellationToken);
        created.EnsureSuccessStatusCode();
        var bot = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return bot.GetProperty("token").GetString()!;
    }
}
