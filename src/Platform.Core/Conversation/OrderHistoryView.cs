using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Conversation;

/// <summary>/orders: the customer's paid purchases in this store (never another store's), each with "get again".</summary>
public sealed class OrderHistoryView(PlatformDbContext db, FulfilmentService fulfilment)
{
    public async Task ShowAsync(BotChat chat, CancellationToken cancellationToken)
    {
        var userId = chat.From?.Id;
        var orders = await db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
                && db.Customers.Any(c => c.Id == o.CustomerId && c.TelegramUserId == userId))
            .OrderByDescending(o => o.PaidAt).Take(20).ToListAsync(cancellationToken);
        if (orders.Count == 0)
        {
            await chat.SendTextAsync(chat.Texts.NoOrders, null, cancellationToken);
            return;
        }

        var rows = orders.Select(o => new[] { InlineKeyboardButton.WithCallbackData($"{chat.Texts.GetAgain}: {o.ProductTitle}", $"o:{o.Id:N}") });
        await chat.SendTextAsync(chat.Texts.OrdersTitle, new InlineKeyboardMarkup(rows), cancellationToken);
    }

    public async Task ResendAsync(BotChat chat, Guid orderId, CancellationToken cancellationToken)
    {
        var userId = chat.From?.Id;
        var mine = await db.Orders.AsNoTracking().AnyAsync(o => o.Id == orderId && db.Customers.Any(c => c.Id == o.CustomerId && c.TelegramUserId == userId),
            cancellationToken);
        if (!mine)
        {
            await chat.SendTextAsync(chat.Texts.OrderNotFound, null, cancellationToken);
            return;
        }

        await fulfilment.FulfilAsync(chat, orderId, await fulfilment.NextSequenceAsync(orderId, cancellationToken), cancellationToken);
    }
}
