namespace Platform.Core.Ledger;

/// <summary>
/// A pass's hold on one bot and where it stands: the cursor as claimed (<see cref="NextOffset"/>, <see cref="PendingFromOffset"/>),
/// the first withdrawal this pass saw still pending, and <see cref="Token"/> — the claim's expiry as written, which every
/// later write of the pass must still find (another pass that took over after it ran out makes them no-ops).
/// </summary>
internal sealed record ReconciliationClaim(Guid TenantId, Guid BotId, int NextOffset, int? PendingFromOffset, DateTimeOffset Token)
{
    /// <summary>Offset of the oldest withdrawal this pass found pending (null: none so far).</summary>
    public int? PassPendingFrom { get; init; }

    /// <summary>Where the pass starts reading: the cursor, or earlier to see how a pending withdrawal ended.</summary>
    public int StartOffset => Math.Min(NextOffset, PendingFromOffset ?? NextOffset);

    /// <summary>The cursor after a page ending before <paramref name="end"/> (a withdrawal pending earlier still counts until re-read).</summary>
    public (int Next, int? PendingFrom) After(int end, int? pagePendingFrom)
    {
        var pending = PassPendingFrom ?? pagePendingFrom ?? (PendingFromOffset >= end ? PendingFromOffset : null);
        return (Math.Max(NextOffset, end), pending);
    }
}
