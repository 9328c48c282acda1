namespace Platform.TelegramSandbox.Model;

/// <summary>What a buyer pays: from sendInvoice (in a chat) or createInvoiceLink (a t.me/$ link).</summary>
internal sealed class InvoiceRecord
{
    public long BotId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Payload { get; set; } = "";
    public string Currency { get; set; } = "XTR";
    public int Amount { get; set; }
    public int? SubscriptionPeriod { get; set; }
    public string? StartParameter { get; set; }
    public string? Link { get; set; }
}
