namespace Platform.TelegramSandbox.Model;

/// <summary>A payment waiting for the bot's answerPreCheckoutQuery, and how it ended.</summary>
internal sealed class PreCheckoutRecord
{
    public string Id { get; set; } = "";
    public long BotId { get; set; }
    public long UserId { get; set; }
    public InvoiceRecord Invoice { get; set; } = new();
    public DateTimeOffset Deadline { get; set; }
    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;
    public string? ErrorMessage { get; set; }
    public string? ChargeId { get; set; }
}
