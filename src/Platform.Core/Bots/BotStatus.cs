namespace Platform.Core.Bots;

public enum BotStatus
{
    /// <summary>Webhook set, token valid: serving customers.</summary>
    Active = 0,

    /// <summary>Telegram answered 401 for the token (revoked in BotFather); the merchant must re-register.</summary>
    Broken = 1,
}
