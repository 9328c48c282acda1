namespace Platform.Core.Orders;

/// <summary>
/// Filters of the orders list. <see cref="Customer"/> matches a Telegram user id exactly or a username/first name by
/// prefix (case-insensitive). Dates are inclusive from, exclusive to. Pages start at 0.
/// </summary>
public sealed record OrderFilter
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public OrderStatus? Status { get; init; }
    public Guid? ProductId { get; init; }
    public Guid? CustomerId { get; init; }
    public string? Customer { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
}
