namespace Platform.Core.Subscriptions;

/// <summary>One day of the chart: memberships with access at the end of that UTC day (today: now).</summary>
public sealed record ActiveSubscribersPoint(DateOnly Day, int Active);
