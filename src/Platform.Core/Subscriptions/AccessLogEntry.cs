using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// One grant or revocation of access, with who or what did it and why: the merchant's answer to "why was I removed?".
/// Append-only: rows are inserted, never updated or deleted.
/// </summary>
public sealed class AccessLogEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? SubscriptionId { get; set; }
    public long TelegramUserId { get; set; }

    /// <summary>What happened, e.g. <c>granted</c>, <c>invited</c>, <c>joined</c>, <c>removed</c>, <c>refused</c>, <c>restored</c>, <c>expired</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it concerned: a chat title, a product title, or the plan.</summary>
    public required string Target { get; set; }

    /// <summary>Who or what did it: <c>system</c>, <c>customer</c>, <c>telegram</c>, or <c>merchant:&lt;email&gt;</c>.</summary>
    public required string Actor { get; set; }

    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
