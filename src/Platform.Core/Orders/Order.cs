using Platform.Core.Tenancy;

namespace Platform.Core.Orders;

/// <summary>
/// One purchase of one product. Created pending when the invoice is sent; its <see cref="Id"/> is the
/// invoice payload. Paid exactly once: unique on (tenant, telegram_payment_charge_id).
/// </summary>
public sealed class Order : ITenantOwned
{
    public const int RefundReasonMaxLength = 500;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid ProductId { get; set; }

    /// <summary>Snapshot at invoice time; pre-checkout refuses if the product's price changed since.</summary>
    public int PriceStars { get; set; }

    public required string ProductTitle { get; set; }
    public OrderStatus Status { get; set; }
    public long ChatId { get; set; }
    public string? TelegramPaymentChargeId { get; set; }
    public Guid? LicenseKeyId { get; set; }

    /// <summary>For a plan's charge (first payment or a renewal): the membership it pays for.</summary>
    public Guid? SubscriptionId { get; set; }
    public int DownloadCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? FulfilledAt { get; set; }
    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>Why the merchant refunded (optional, shown on the order and in its events); null for refunds Telegram or a duplicate caused.</summary>
    public string? RefundReason { get; set; }
}
