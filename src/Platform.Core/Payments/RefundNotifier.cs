using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Tenancy;

namespace Platform.Core.Payments;

/// <summary>Hangfire job: tells the customer in the bot that the order was refunded, once (RefundNotice delivery row).</summary>
public sealed class RefundNotifier(TenantJobScope jobScope, TimeProvider time)
{
    public Task NotifyAsync(Guid tenantId, Guid orderId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, (tenant, services) => NotifyInScopeAsync(tenant, services, orderId, cancellationToken), cancellationToken);

    private async Task NotifyInScopeAsync(TenantInfo tenant, IServiceProvider services, Guid orderId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || await db.Deliveries.AnyAsync(d => d.OrderId == orderId && d.Kind == DeliveryKind.RefundNotice && d.SentAt != null,
            cancellationToken))
        {
            return;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
        var from = new Telegram.Bot.Types.User { Id = customer.TelegramUserId, FirstName = customer.FirstName ?? "", LanguageCode = customer.LanguageCode };
        var chat = await services.GetRequiredService<BotChatFactory>().CreateAsync(tenant, order.BotId, order.ChatId, from, cancellationToken);
        if (chat is null)
        {
            return;
        }

        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.OrderId == orderId && d.Kind == DeliveryKind.RefundNotice, cancellationToken);
        if (delivery is null)
        {
            delivery = new Delivery
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                OrderId = orderId,
                Kind = DeliveryKind.RefundNotice,
                CreatedAt = time.GetUtcNow()
            };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync(cancellationToken);
        }

        var message = await chat.SendTextAsync(chat.Texts.Refunded(order.ProductTitle, order.PriceStars), null, cancellationToken);
        delivery.SentAt = time.GetUtcNow();
        delivery.TelegramMessageId = message.Id;
        await db.SaveChangesAsync(cancellationToken);
    }
}
