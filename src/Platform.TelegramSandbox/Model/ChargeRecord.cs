namespace Platform.TelegramSandbox.Model;

/// <summary>One successful Star payment, identified by its telegram_payment_charge_id.</summary>
internal sealed class ChargeRecord
{
    public string Id { get; set; } = "";
    public long BotId { get; set; }
    public long UserId { get; set; }
    public int Amount { get; set; }
    public string Payload { get; set; } = "";
    public bool Refunded { get; set; }
    public string? SubscriptionId { get; set; }
}
