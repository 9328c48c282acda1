namespace Platform.Core.Subscriptions;

/// <summary>
/// A plan's figures on the Subscriptions page (docs/portal.md defines each): members with access now, monthly
/// recurring revenue in Stars, churn over the last 30 days, and renewals due in the next 7 days.
/// </summary>
public sealed record PlanFigures(
    Guid PlanId,
    string Title,
    int PriceStars,
    int Active,
    long MonthlyStars,
    int ExpiredLast30Days,
    int ActiveAt30DaysAgo,
    int RenewingNext7Days)
{
    /// <summary>Expired in the window ÷ members with access at its start; null when nobody had access then.</summary>
    public double? Churn => ActiveAt30DaysAgo == 0 ? null : (double)ExpiredLast30Days / ActiveAt30DaysAgo;
}
