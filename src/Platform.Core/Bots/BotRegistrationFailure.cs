namespace Platform.Core.Bots;

/// <summary>Why a token was not registered, so the API can answer with the fitting status (the portal shows the message).</summary>
public enum BotRegistrationFailure
{
    None = 0,

    /// <summary>Not shaped like a bot token, or Telegram's getMe refused it (revoked, mistyped).</summary>
    InvalidToken = 1,

    /// <summary>The Telegram bot already serves another store (one bot, one store).</summary>
    TakenByAnotherStore = 2,

    /// <summary>Telegram could not be reached; trying again later may work.</summary>
    TelegramUnreachable = 3,
}
