using Platform.Core.Ledger;

namespace Platform.Web.Api;

/// <summary>
/// One ledger row in <c>GET /api/v1/ledger</c>: a signed amount (credits positive, debits negative), its kind in
/// snake_case (payment, renewal, refund, withdrawal, withdrawal_returned, other_income, other_spending, adjustment), when
/// it moved and when it is (or was) withdrawable, Telegram's transaction or charge id, the order and a note.
/// </summary>
public sealed record LedgerEntryResponse(
    Guid Id, Guid BotId, string Kind, StarAmountResponse Amount, DateTimeOffset At, DateTimeOffset ReleasesAt, string? TelegramTransactionId,
    Guid? OrderId, string? Note)
{
    public static LedgerEntryResponse From(StarLedgerEntry e) =>
        new(e.Id, e.BotId, ApiNames.Of(e.Kind), StarAmountResponse.From(e.Amount), e.At, e.ReleasesAt, e.TelegramTransactionId, e.OrderId, e.Note);
}
