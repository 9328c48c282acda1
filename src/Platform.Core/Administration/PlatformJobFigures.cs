namespace Platform.Core.Administration;

/// <summary>Hangfire's own counts (its monitoring API): failed jobs, jobs waiting for an automatic retry, scheduled jobs.</summary>
public sealed record PlatformJobFigures(long Failed, long Retrying, long Scheduled);
