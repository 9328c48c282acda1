namespace Platform.Core.Bots;

/// <summary>Outcome of registering a token: the bot, or a message the merchant can act on.</summary>
public sealed record BotRegistrationResult(Bot? Bot, string? Error)
{
    public bool Succeeded => Bot is not null;

    public static BotRegistrationResult Failed(string error) => new(null, error);
}
