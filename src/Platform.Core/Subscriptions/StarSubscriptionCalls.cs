using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Outbound;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Platform.Core.Subscriptions;

/// <summary>
/// editUserStarSubscription from the member's bot: Telegram's side of cancel and resume, so the next renewal is (or is
/// not) charged. Only Stars memberships have a Telegram subscription; the others need no call. Sent through
/// <see cref="BotCalls"/> (the send path's one 429 layer).
/// </summary>
public sealed class StarSubscriptionCalls(PlatformDbContext db, BotCalls calls, ILogger<StarSubscriptionCalls> logger)
{
    /// <summary>Null when Telegram agreed (or there is nothing to tell it), else why not.</summary>
    public async Task<Failure?> SetCanceledAsync(Subscription subscription, bool canceled, CancellationToken cancellationToken)
    {
        if (subscription.Source != SubscriptionSource.Stars || subscription.TelegramChargeId is not { } chargeId)
        {
            return null;
        }

        var bot = await db.Bots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == subscription.BotId, cancellationToken);
        if (bot is null)
        {
            return Failure.Unavailable("The store's bot for this membership is gone; reconnect it first.");
        }

        try
        {
            await calls.CallAsync(bot.Id, bot.TokenCiphertext,
                (client, ct) => client.EditUserStarSubscription(subscription.TelegramUserId, chargeId, canceled, ct), cancellationToken);
            return null;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Telegram's subscription ended already (lapsed, or refunded): nothing left to cancel, everything to refuse resuming.
            logger.LogInformation("editUserStarSubscription for membership {SubscriptionId} refused: {Error}", subscription.Id, e.Message);
            return canceled ? null : Failure.Conflict("Telegram no longer renews this subscription; the member must subscribe again.");
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or CryptographicException)
        {
            logger.LogWarning("editUserStarSubscription for membership {SubscriptionId} failed: {Error}", subscription.Id, e.Message);
            return Failure.Unavailable("Telegram could not be reached; nothing changed. Please try again.");
        }
    }

    /// <summary>Cancels one Telegram subscription of a membership by its first charge (one the membership replaced).</summary>
    public async Task<Failure?> CancelChargeAsync(Guid subscriptionId, string telegramChargeId, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return null;
        }

        var replaced = new Subscription
        {
            Id = subscription.Id,
            BotId = subscription.BotId,
            TelegramUserId = subscription.TelegramUserId,
            Source = SubscriptionSource.Stars,
            TelegramChargeId = telegramChargeId,
        };
        return await SetCanceledAsync(replaced, canceled: true, cancellationToken);
    }
}
