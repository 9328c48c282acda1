using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>bot.broken: written by BotBreakage once per breakage, when Telegram answers 401 for the store's bot token.</summary>
[Description("Telegram answered 401 for the store's bot token (revoked in BotFather); the bot is not selling until the merchant registers it again.")]
public sealed record BotBroken(
    [property: Description("The bot's id.")] Guid BotId,
    [property: Description("The bot's Telegram username, without @.")] string Username,
    [property: Description("Why the bot stopped: token_revoked.")] string Reason) : IPlatformEvent
{
    public const string TypeName = "bot.broken";

    /// <summary>The one reason today: the token was revoked in @BotFather.</summary>
    public const string TokenRevoked = "token_revoked";

    static string IPlatformEvent.TypeName => TypeName;
}
