using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Data;

namespace Platform.Core.Orders;

/// <summary>A bot that sold something stays for the order history: removing it keeps its row (Bots asks through <see cref="IBotUsage"/>).</summary>
public sealed class OrderBotUsage(PlatformDbContext db) : IBotUsage
{
    public Task<bool> IsUsedAsync(Guid botId, CancellationToken cancellationToken) => db.Orders.AnyAsync(o => o.BotId == botId, cancellationToken);
}
