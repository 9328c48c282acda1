namespace Platform.Core.Bots;

/// <summary>Outcome of registering a token: the bot, or a message the merchant can act on and its kind.</summary>
public sealed record BotRegistrationResult(Bot? Bot, string? Error, BotRegistrationFailure Failure = BotRegistrationFailure.None)
{
    public bool Succeeded => Bot is not null;

    public static BotRegistrationResult Failed(BotRegistrationFailure failure, string error) => new(null, error, failure);
}
