namespace Platform.Web.Commands.Scale;

/// <summary>What a seeding wrote and how long it took, for the command's and the benchmark's report.</summary>
public sealed record ScaleSeedResult(long Rows, TimeSpan Elapsed);
