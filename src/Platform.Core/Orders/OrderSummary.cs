namespace Platform.Core.Orders;

/// <summary>An order as lists show it, with the buyer's Telegram identity.</summary>
public sealed record OrderSummary(
    Guid Id,
    OrderStatus Status,
    Guid ProductId,
    string ProductTitle,
    int PriceStars,
    Guid CustomerId,
    long CustomerTelegramUserId,
    string? CustomerUsername,
    string? CustomerFirstName,
    Guid BotId,
    int DownloadCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? FulfilledAt,
    DateTimeOffset? RefundedAt);
