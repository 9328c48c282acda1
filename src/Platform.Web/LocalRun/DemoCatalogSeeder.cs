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

        await SeedMembershipPlanAsync(scope.ServiceProvider, http, result.Value.Id, result.Value.TelegramBotId, logger, cancellationToken);
        // The buyer last: whoever waits for the demo buyer (the chat page, the shutdown test) finds the seeding done.
        await http.PostAsJsonAsync("sandbox/v1/users", new { first_name = "Demo Buyer", username = "demo_buyer", language_code = "en", stars = 1000 },
            cancellationToken);
    }

    /// <summary>
    /// A private sandbox channel with the demo bot as administrator and a monthly plan granting it (and the demo's text
    /// products), so the local run shows subscriptions end to end. The bot's rights are checked live (as the portal
    /// does), which records the chat without waiting for the my_chat_member update.
    /// </summary>
    private static async Task SeedMembershipPlanAsync(IServiceProvider services, HttpClient http, Guid botId, long telegramBotId, ILogger logger,
        CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("sandbox/v1/channels",
            new { title = "Starfront Demo Club", username = $"starfront_demo_club{Random.Shared.Next(1000, 9999)}", bot_id = telegramBotId },
            cancellationToken);
        var channelId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetInt64();
        // Asked of Telegram now (the row my_chat_member would write), so nothing waits on the update being processed.
        await services.GetRequiredService<ManagedChatDirectory>().CheckRightsAsync(botId, channelId, cancellationToken);
        var db = services.GetRequiredService<PlatformDbContext>();
        var texts = await db.Products.Where(p => p.Kind == ProductKind.Text).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).Select(p => p.Id).Take(1)
            .ToListAsync(cancellationToken);
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
