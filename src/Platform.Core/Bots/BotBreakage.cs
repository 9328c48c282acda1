using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbox;

namespace Platform.Core.Bots;

/// <summary>Telegram answered 401: the token was revoked. The merchant learns it from the portal and a bot.broken event.</summary>
public static class BotBreakage
{
    public const string RevokedMessage = "Telegram rejected the token (401): it was revoked in @BotFather. Register the new token.";

    public static async Task MarkBrokenAsync(PlatformDbContext db, Bot bot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (bot.Status == BotStatus.Broken)
        {
            return; // one event per breakage, however many sends fail
        }

        bot.Status = BotStatus.Broken;
        bot.LastError = RevokedMessage;
        db.AddOutboxEvent(new BotBroken(bot.Id, bot.Username, BotBroken.TokenRevoked), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
