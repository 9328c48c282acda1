namespace Platform.Core.Administration;

/// <summary>One UTC day of the platform's chart: new stores, sales and refunds summed over every store.</summary>
public sealed record PlatformFiguresDay(DateOnly Day, int NewStores, long Sales, long GrossStars, long Refunds, long RefundedStars);
