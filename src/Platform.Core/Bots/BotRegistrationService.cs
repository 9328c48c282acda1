using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.Core.Bots;

/// <summary>
/// Registers, re-syncs and removes a tenant's bots (portal page and API share it). Telegram is the source
/// of truth for the token: getMe validates it, and a 401 anywhere marks the bot broken.
/// </summary>
public sealed partial class BotRegistrationService(
    PlatformDbContext db, ITenantContextAccessor tenant, BotSecrets secrets, TelegramClientFactory clients,
    IPublicBaseUrl publicBaseUrl, BotDirectory directory, IBotCommandMenu commands, IEnumerable<IBotUsage> usages, TimeProvider time,
    ILogger<BotRegistrationService> logger)
{
    /// <summary>
    /// The updates the bot runtime handles; refunded_payment arrives inside message. The three chat updates feed paid
    /// channel access: my_chat_member (the bot added or promoted in a channel), chat_member (joins and leaves, which
    /// Telegram sends only when asked for) and chat_join_request (the join-request mode).
    /// </summary>
    public static readonly UpdateType[] AllowedUpdates =
    [
        UpdateType.Message, UpdateType.CallbackQuery, UpdateType.PreCheckoutQuery, UpdateType.MyChatMember, UpdateType.ChatMember,
        UpdateType.ChatJoinRequest,
    ];

    public Task<Result<Bot>> RegisterAsync(string token, CancellationToken cancellationToken) => RegisterAsync(token, testMode: false, cancellationToken);

    /// <summary>
    /// Registers a bot; <paramref name="testMode"/> marks a new one as made by the portal's test mode in the Telegram
    /// sandbox (docs/test-mode.md), which the Bots page shows. Otherwise the same path as a merchant's own bot.
    /// </summary>
    public async Task<Result<Bot>> RegisterAsync(string token, bool testMode, CancellationToken cancellationToken)
    {
        token = token.Trim();
        if (!TokenShape().IsMatch(token))
        {
            return Failure.Rejected("That does not look like a bot token. Copy it from @BotFather: digits, a colon, then 35 letters.");
        }

        var client = clients.Create(token);
        User me;
        try
        {
            me = await client.GetMe(cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            return Failure.Rejected("Telegram rejected this token. Check it in @BotFather (it may have been revoked).");
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Telegram was unreachable while registering a bot: {Error}", e.GetType().Name);
            return Failure.Unavailable("Telegram could not be reached. Try again in a minute.");
        }

        var tenantId = tenant.Tenant?.Id ?? throw new InvalidOperationException("Registering a bot needs a tenant.");
        var route = await db.BotRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.TelegramBotId == me.Id, cancellationToken);
        if (route is not null && route.TenantId != tenantId)
        {
            return Failure.Conflict($"@{me.Username} is already connected to another store. One bot serves one store; create a new bot in @BotFather.");
        }

        var now = time.GetUtcNow();
        var bot = route is null ? null : await db.Bots.FirstOrDefaultAsync(b => b.Id == route.BotId, cancellationToken);
        if (bot is null)
        {
            bot = new Bot
            {
                Id = Guid.CreateVersion7(now),
                TelegramBotId = me.Id,
                Username = me.Username ?? me.FirstName,
                TokenCiphertext = secrets.Protect(token),
                WebhookSecretCiphertext = secrets.Protect(BotSecrets.NewWebhookSecret()),
                CreatedAt = now,
                TestMode = testMode,
            };
            db.Bots.Add(bot);
            db.BotRoutes.Add(new BotRoute { BotId = bot.Id, TelegramBotId = me.Id, TenantId = tenantId });
        }
        else
        {
            // The same store registering its bot again (e.g. after revoking the token): take the new token.
            bot.TokenCiphertext = secrets.Protect(token);
            bot.Username = me.Username ?? bot.Username;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Failure.Conflict($"@{me.Username} was just connected to a store. One bot serves one store.");
        }

        await SyncAsync(bot, cancellationToken);
        return bot;
    }

    public Task<List<Bot>> ListAsync(CancellationToken cancellationToken) =>
        db.Bots.AsNoTracking().OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);

    public Task<Bot?> FindAsync(Guid botId, CancellationToken cancellationToken) =>
        db.Bots.FirstOrDefaultAsync(b => b.Id == botId, cancellationToken);

    /// <summary>Sets webhook (with a fresh secret) and commands again; clears Broken when Telegram accepts the token.</summary>
    public async Task<bool> ResyncAsync(Guid botId, CancellationToken cancellationToken) =>
        await FindAsync(botId, cancellationToken) is { } bot && await SyncAsync(bot, cancellationToken);

    /// <summary>
    /// Re-syncs the bot when Telegram's webhook is not what this version sets: it points anywhere but this platform's
    /// current address (the local run started on another port than the run that registered it), or it asks for fewer
    /// update kinds than <see cref="AllowedUpdates"/> (a bot registered before a release that added some: chat_member
    /// for subscriptions). True when it was stale and Telegram accepted the new webhook.
    /// </summary>
    public async Task<bool> ResyncIfStaleAsync(Guid botId, CancellationToken cancellationToken)
    {
        if (await FindAsync(botId, cancellationToken) is not { Status: not BotStatus.Broken } bot)
        {
            return false;
        }

        WebhookInfo info;
        try
        {
            info = await clients.Create(secrets.Unprotect(bot.TokenCiphertext)).GetWebhookInfo(cancellationToken);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or RequestException or HttpRequestException
            or TaskCanceledException)
        {
            return false; // unreadable token or Telegram unreachable: the next run looks again
        }

        var asked = info.AllowedUpdates ?? [];
        return (info.Url != WebhookUrlOf(botId) || !AllowedUpdates.All(asked.Contains)) && await SyncAsync(bot, cancellationToken);
    }

    /// <summary>What the portal shows for a bot whose stored token this server cannot decrypt.</summary>
    public const string UnreadableTokenMessage =
        "This server cannot read the bot's stored token (its encryption keys changed). Remove the bot and connect it again.";

    public async Task<BotStatusView?> StatusAsync(Guid botId, CancellationToken cancellationToken)
    {
        if (await FindAsync(botId, cancellationToken) is not { } bot)
        {
            return null;
        }

        WebhookInfo? info = null;
        string? unreadable = null;
        try
        {
            info = await clients.Create(secrets.Unprotect(bot.TokenCiphertext)).GetWebhookInfo(cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring that encrypted the token is gone (e.g. a lost DataProtection certificate): say so, don't 500.
            logger.LogWarning("Bot {BotId}'s token cannot be decrypted with this server's key ring", bot.Id);
            unreadable = UnreadableTokenMessage;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            await MarkBrokenAsync(bot, cancellationToken);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("getWebhookInfo failed for bot {BotId}: {Error}", bot.Id, e.GetType().Name);
        }

        return new BotStatusView(bot.Id, bot.Username, bot.TelegramBotId, bot.Status, bot.LastError, bot.LastSyncedAt,
            info?.Url, info?.PendingUpdateCount, info?.LastErrorMessage ?? unreadable, bot.TestMode);
    }

    /// <summary>Deletes the webhook first (best effort: a revoked token cannot), then the bot and its route.</summary>
    public async Task<bool> RemoveAsync(Guid botId, CancellationToken cancellationToken)
    {
        if (await FindAsync(botId, cancellationToken) is not { } bot)
        {
            return false;
        }

        try
        {
            await clients.Create(secrets.Unprotect(bot.TokenCiphertext)).DeleteWebhook(cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("deleteWebhook failed for bot {BotId}: {Error}", bot.Id, e.GetType().Name);
        }

        if (await IsUsedAsync(botId, cancellationToken))
        {
            // Orders keep their bot for the history; the route goes so nothing is served any more.
            await db.BotRoutes.Where(r => r.BotId == botId).ExecuteDeleteAsync(cancellationToken);
            bot.Status = BotStatus.Broken;
            bot.LastError = "Removed by the merchant.";
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.BotRoutes.Where(r => r.BotId == botId).ExecuteDeleteAsync(cancellationToken);
            db.Bots.Remove(bot);
            await db.SaveChangesAsync(cancellationToken);
        }

        directory.Invalidate(botId);
        return true;
    }

    /// <summary>Whether any module's records still name the bot (orders, the Stars ledger), asked one after another.</summary>
    private async Task<bool> IsUsedAsync(Guid botId, CancellationToken cancellationToken)
    {
        foreach (var usage in usages)
        {
            if (await usage.IsUsedAsync(botId, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> SyncAsync(Bot bot, CancellationToken cancellationToken)
    {
        var client = clients.Create(secrets.Unprotect(bot.TokenCiphertext));
        var secret = BotSecrets.NewWebhookSecret();
        try
        {
            var url = WebhookUrlOf(bot.Id);
            // Store the new secret before Telegram starts using it, so no update is refused in between.
            bot.WebhookSecretCiphertext = secrets.Protect(secret);
            await db.SaveChangesAsync(cancellationToken);
            directory.Invalidate(bot.Id);
            await client.SetWebhook(url, secretToken: secret, allowedUpdates: AllowedUpdates, maxConnections: 100, cancellationToken: cancellationToken);
            await commands.ApplyAsync(client, cancellationToken);
            bot.Status = BotStatus.Active;
            bot.LastError = null;
            bot.LastSyncedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            await MarkBrokenAsync(bot, cancellationToken);
            return false;
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
        {
            bot.LastError = e is ApiRequestException api ? $"Telegram: {api.Message}" : "Telegram could not be reached.";
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }

    private string WebhookUrlOf(Guid botId) => new Uri(publicBaseUrl.Value, $"telegram/{botId}").ToString();

    private Task MarkBrokenAsync(Bot bot, CancellationToken cancellationToken) =>
        BotBreakage.MarkBrokenAsync(db, bot, time.GetUtcNow(), cancellationToken);

    [GeneratedRegex(@"^\d{1,20}:[A-Za-z0-9_-]{30,64}$")]
    private static partial Regex TokenShape();
}
