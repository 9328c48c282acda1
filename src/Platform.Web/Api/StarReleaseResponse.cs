namespace Platform.Web.Api;

/// <summary>Stars that become withdrawable on a UTC date (the schedule, after what refunds and withdrawals owe is paid).</summary>
public sealed record StarReleaseResponse(DateOnly Date, StarAmountResponse Amount);
