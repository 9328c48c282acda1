using Platform.Core.Ledger;

namespace Platform.Web.Api;

/// <summary>
/// An exact amount of Stars the way Telegram's StarAmount spells it: whole <paramref name="Stars"/> (rounded toward
/// zero) and the remaining <paramref name="Nanostars"/> (10⁻⁹ Star, same sign, usually 0: only some income Telegram
/// reports is fractional). Every amount of <c>/api/v1/balance</c> and <c>/api/v1/ledger</c> has this shape.
/// </summary>
public sealed record StarAmountResponse(long Stars, int Nanostars)
{
    public static StarAmountResponse From(LedgerAmount amount) => new(amount.Stars, amount.Nanostars);
}
