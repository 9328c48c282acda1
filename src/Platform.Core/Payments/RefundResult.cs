namespace Platform.Core.Payments;

public enum RefundResult
{
    Refunded = 0,
    AlreadyRefunded = 1,
    NotFound = 2,
    NotPaid = 3,

    /// <summary>Telegram refused (e.g. BALANCE_TOO_LOW) or could not be reached; nothing changed here.</summary>
    TelegramFailed = 4,
}
