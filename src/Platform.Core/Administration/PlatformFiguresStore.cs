namespace Platform.Core.Administration;

/// <summary>One of the top stores by GMV in the dashboard's period (from <see cref="DailyStoreFigures"/>).</summary>
public sealed record PlatformFiguresStore(Guid TenantId, string Name, string Slug, long Sales, long GrossStars, long RefundedStars);
