namespace Platform.Web.Api;

/// <summary><c>GET /api/v1/balance</c>: every bot of the store (or the one asked for) as of <paramref name="At"/>.</summary>
public sealed record BalanceResponse(DateTimeOffset At, IEnumerable<BotBalanceResponse> Bots);
