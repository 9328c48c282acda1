namespace Platform.Core.Ledger;

/// <summary>
/// An open mismatch as the Balance page lists it: which bot, what disagrees (<see cref="Kind"/>; <see cref="Reference"/> is
/// the ledger key — <c>payment:{charge id}</c>, <c>refund:{charge id}</c> — or <c>balance</c>), both sides' amounts (null:
/// that side has nothing) and since when.
/// </summary>
public sealed record LedgerMismatchView(
    Guid Id, Guid BotId, string BotUsername, LedgerMismatchKind Kind, string Reference, LedgerAmount? Ours, LedgerAmount? Telegram, DateTimeOffset DetectedAt);
