using Platform.Core.Tenancy;

namespace Platform.Core.Orders;

/// <summary>A Telegram user as one store sees them. Unique per (tenant, Telegram user id).</summary>
public sealed class Customer : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public long TelegramUserId { get; set; }
    public string? Username { get; set; }
    public string? FirstName { get; set; }
    public string? LanguageCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
