using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Outbound;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Administrator calls a store's bot makes in its channels and groups (invite links, bans, join requests, rights):
/// through <see cref="BotSender"/> so they share the bot's rate gate and its one 429 layer, from the stored token.
/// Scoped; a bot's token is decrypted once per scope.
/// </summary>
public sealed class ChatAdminCalls(PlatformDbContext db, TelegramClientFactory clients, BotSecrets secrets, BotSender sender)
{
    private readonly Dictionary<Guid, (Bot Bot, ITelegramBotClient Client)> bots = [];

    /// <summary>The store's bot (null when it is not this tenant's).</summary>
    public async Task<Bot?> BotAsync(Guid botId, CancellationToken cancellationToken) =>
        (await ClientAsync(botId, cancellationToken))?.Bot;

    public async Task<T> CallAsync<T>(Guid botId, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var found = await ClientAsync(botId, cancellationToken) ?? throw new InvalidOperationException($"Bot {botId} is not this store's.");
        return await sender.SendAsync(botId, null, ct => call(found.Client, ct), cancellationToken);
    }

    public Task CallAsync(Guid botId, Func<ITelegramBotClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(botId, async (client, ct) => { await call(client, ct); return true; }, cancellationToken);

    /// <summary>
    /// Removes a user from a chat without a permanent ban: ban, then unban only if banned (they can come back with a
    /// new link). "Not a member", "user not found" and the like mean there is nothing to remove: not failures.
    /// </summary>
    public async Task RemoveAsync(Guid botId, long chatId, long userId, CancellationToken cancellationToken)
    {
        await TolerateAsync(CallAsync(botId, (c, ct) => c.BanChatMember(chatId, userId, cancellationToken: ct), cancellationToken));
        await TolerateAsync(CallAsync(botId, (c, ct) => c.UnbanChatMember(chatId, userId, onlyIfBanned: true, cancellationToken: ct), cancellationToken));
    }

    /// <summary>Revokes an invite link; one already revoked, expired or unknown is as good as revoked.</summary>
    public Task RevokeLinkAsync(Guid botId, long chatId, string link, CancellationToken cancellationToken) =>
        TolerateAsync(CallAsync(botId, (c, ct) => c.RevokeChatInviteLink(chatId, link, ct), cancellationToken));

    /// <summary>Runs a call whose 400 answer ("user not found", "not a member", "INVITE_HASH_EXPIRED") means the work is already done.</summary>
    public static async Task TolerateAsync(Task call)
    {
        try
        {
            await call;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Nothing to do: the user is not there, or the link or request is gone.
        }
    }

    private async Task<(Bot Bot, ITelegramBotClient Client)?> ClientAsync(Guid botId, CancellationToken cancellationToken)
    {
        if (bots.TryGetValue(botId, out var known))
        {
            return known;
        }

        var bot = await db.Bots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == botId, cancellationToken);
        if (bot is null)
        {
            return null;
        }

        bots[botId] = (bot, clients.CreateForSender(secrets.Unprotect(bot.TokenCiphertext)));
        return bots[botId];
    }
}
