using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Outbound;
using Platform.Core.Tenancy;

namespace Platform.Core.Orders;

/// <summary>
/// Hangfire job (ids only): (re)runs fulfilment of a paid order — the sweep's backstop for paid-not-fulfilled orders —
/// and, with a sequence, the merchant's "Resend delivery" (<see cref="OrderActions"/>) of a paid or delivered order.
/// </summary>
public sealed class FulfilOrderJob(TenantJobScope jobScope)
{
    public Task RunAsync(Guid tenantId, Guid orderId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, (tenant, services) => FulfilAsync(tenant, services, orderId, 0, cancellationToken), cancellationToken);

    /// <summary>Sends the goods again as delivery <paramref name="sequence"/>; running it twice sends nothing twice (claimed rows).</summary>
    public Task RedeliverAsync(Guid tenantId, Guid orderId, int sequence, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, (tenant, services) => FulfilAsync(tenant, services, orderId, sequence, cancellationToken), cancellationToken);

    private static async Task FulfilAsync(TenantInfo tenant, IServiceProvider services, Guid orderId, int sequence, CancellationToken cancellationToken)
    {
        if (tenant.DeliveriesFrozen)
        {
            return; // paused by a platform admin; the sweep enqueues this again after the unfreeze, and the buyer was told at payment
        }

        var db = services.GetRequiredService<PlatformDbContext>();
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId
            && (o.Status == OrderStatus.Paid || (sequence > 0 && o.Status == OrderStatus.Fulfilled)), cancellationToken);
        if (order is null)
        {
            return;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
        var from = new Telegram.Bot.Types.User { Id = customer.TelegramUserId, FirstName = customer.FirstName ?? "", LanguageCode = customer.LanguageCode };
        if (await services.GetRequiredService<BotChatFactory>().CreateAsync(tenant, order.BotId, order.ChatId, from, cancellationToken) is { } chat)
        {
            await services.GetRequiredService<FulfilmentService>().FulfilAsync(chat, orderId, sequence, cancellationToken);
        }
    }
}
