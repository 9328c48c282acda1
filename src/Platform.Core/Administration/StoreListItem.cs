using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>One row of the admin's stores list: the tenant, its first owner, its bots and its last 30 days of sales.</summary>
public sealed record StoreListItem(
    Guid Id,
    string Name,
    string Slug,
    string? OwnerEmail,
    DateTimeOffset CreatedAt,
    TenantStatus Status,
    bool DeliveriesFrozen,
    int Bots,
    long GrossStars30Days,
    DateTimeOffset? LastSaleAt);
