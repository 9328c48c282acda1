using Platform.Core.Ledger;

namespace Platform.Web.Api;

/// <summary>
/// One bot's money in <c>GET /api/v1/balance</c>, the same figures as the portal's Balance page (docs/ledger.md has the
/// rule): earned (sales, renewals, other income), refunded and withdrawn (positive), the balance, on hold, withdrawable
/// now, the minimum and whether it is reached, the next release instant and the release schedule by UTC date.
/// </summary>
public sealed record BotBalanceResponse(
    Guid BotId,
    string BotUsername,
    StarAmountResponse Earned,
    StarAmountResponse Refunded,
    StarAmountResponse Withdrawn,
    StarAmountResponse Balance,
    StarAmountResponse OnHold,
    StarAmountResponse Withdrawable,
    long MinimumWithdrawalStars,
    bool MinimumReached,
    DateTimeOffset? NextReleaseAt,
    IEnumerable<StarReleaseResponse> Releases)
{
    public static BotBalanceResponse From(BotBalance b) => new(b.BotId, b.BotUsername, StarAmountResponse.From(b.Earned),
        StarAmountResponse.From(b.Refunded), StarAmountResponse.From(b.Withdrawn), StarAmountResponse.From(b.Balance), StarAmountResponse.From(b.OnHold),
        StarAmountResponse.From(b.Withdrawable), b.MinimumWithdrawalStars, b.MinimumReached, b.NextReleaseAt,
        [.. b.ReleasesByDay().Select(r => new StarReleaseResponse(r.Date, StarAmountResponse.From(r.Amount)))]);
}
