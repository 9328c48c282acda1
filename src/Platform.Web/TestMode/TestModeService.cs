using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Web.TestMode;

/// <summary>
/// "Try your store in test mode": makes (or finds again) the store's test bot and test buyer in the Telegram sandbox
/// under the store's own scope, registers the bot through the normal registration path (webhook, commands;
/// <c>TestMode = true</c>), and answers the chat page's address with the store's scoped token, which shows the merchant
/// only this store's test bots and buyers. A second click reuses both; a bot the sandbox no longer knows (it was reset)
/// is removed and made again. One creation at a time per process, so a double click cannot make two bots.
/// </summary>
public sealed class TestModeService(
    PlatformDbContext db, ITenantContextAccessor tenant, BotRegistrationService registration, TestModeSandbox sandbox, ILogger<TestModeService> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public bool IsAvailable => sandbox.IsAvailable;

    /// <summary>The sandbox scope of a store: its id, so two stores never share one whatever their names.</summary>
    public static string ScopeOf(Guid tenantId) => $"store-{tenantId:N}";

    public async Task<Result<Uri>> OpenAsync(CancellationToken cancellationToken)
    {
        if (!sandbox.IsAvailable)
        {
            return Failure.NotFound("Test mode needs the Telegram sandbox, which this installation does not run.");
        }

        var store = tenant.Tenant ?? throw new InvalidOperationException("Test mode needs a store.");
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            string token;
            using (var global = sandbox.Global())
            {
                token = await ReadAsync(await global.PostAsJsonAsync("sandbox/v1/scopes", new { scope = ScopeOf(store.Id) }, cancellationToken),
                    cancellationToken) is { } issued ? issued.GetProperty("token").GetString()! : throw new HttpRequestException("no scope token");
            }

            using var scoped = sandbox.Scoped(token);
            var bot = await EnsureBotAsync(scoped, store, cancellationToken);
            if (!bot.Succeeded)
            {
                return bot.Failure;
            }

            var buyer = await EnsureBuyerAsync(scoped, cancellationToken);
            return sandbox.ChatPage(buyer, bot.Value.TelegramBotId, token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            logger.LogWarning("Test mode could not reach the Telegram sandbox: {Error}", e.GetType().Name);
            return Failure.Unavailable("The Telegram sandbox could not be reached. Try again in a minute.");
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<Result<Bot>> EnsureBotAsync(HttpClient scoped, TenantInfo store, CancellationToken cancellationToken)
    {
        var existing = await db.Bots.AsNoTracking().Where(b => b.TestMode && b.Status != BotStatus.Broken).OrderBy(b => b.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            using var known = await scoped.GetAsync($"sandbox/v1/bots/{existing.TelegramBotId}", cancellationToken);
            if (known.IsSuccessStatusCode)
            {
                return existing;
            }

            // The sandbox was reset (or is another one): this bot is gone there, so it goes here too (kept if orders name it).
            await registration.RemoveAsync(existing.Id, cancellationToken);
        }

        var name = new string(store.Slug.Replace('-', '_').Take(16).ToArray());
        var created = await ReadAsync(await scoped.PostAsJsonAsync("sandbox/v1/bots",
            new { username = $"{name}_test{Random.Shared.Next(1000, 10000)}_bot", first_name = $"{store.Name} (test)" }, cancellationToken),
            cancellationToken) ?? throw new HttpRequestException("the sandbox made no bot");
        return await registration.RegisterAsync(created.GetProperty("token").GetString()!, testMode: true, cancellationToken);
    }

    private async Task<long> EnsureBuyerAsync(HttpClient scoped, CancellationToken cancellationToken)
    {
        var users = await scoped.GetFromJsonAsync<JsonElement>("sandbox/v1/users", cancellationToken);
        if (users.EnumerateArray().OrderBy(u => u.GetProperty("id").GetInt64()).FirstOrDefault() is { ValueKind: JsonValueKind.Object } buyer)
        {
            var id = buyer.GetProperty("id").GetInt64();
            var missing = sandbox.BuyerStars - buyer.GetProperty("stars").GetInt64();
            if (missing > 0)
            {
                (await scoped.PostAsJsonAsync($"sandbox/v1/users/{id}/stars", new { amount = missing }, cancellationToken)).Dispose();
            }

            return id;
        }

        var created = await ReadAsync(await scoped.PostAsJsonAsync("sandbox/v1/users",
            new { first_name = "Test buyer", language_code = "en", stars = sandbox.BuyerStars }, cancellationToken), cancellationToken);
        return created?.GetProperty("id").GetInt64() ?? throw new HttpRequestException("the sandbox made no buyer");
    }

    /// <summary>The JSON of a successful answer; a refusal (a taken username, a bad token) is null, an outage throws.</summary>
    private static async Task<JsonElement?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
    }
}
