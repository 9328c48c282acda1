namespace Platform.Core.Bots;

/// <summary>
/// Whether records of other modules still name a bot (orders keep their bot for the history), asked before a bot is
/// removed. Owned here and implemented by Orders (<c>Orders.OrderBotUsage</c>) and the ledger (<c>Ledger.LedgerBotUsage</c>), so Bots
/// depends on neither; a bot is kept when any of them says so.
/// </summary>
public interface IBotUsage
{
    Task<bool> IsUsedAsync(Guid botId, CancellationToken cancellationToken);
}
