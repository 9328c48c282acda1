namespace Platform.Core.Subscriptions;

/// <summary>
/// What one status change of a membership writes besides the row: its access-log line (what, who, why) and its event,
/// added after the store's schedule was applied so the event carries the new dates.
/// </summary>
public sealed record MembershipChange(string Action, string Actor, string Reason, Action<Subscription>? Emit);
