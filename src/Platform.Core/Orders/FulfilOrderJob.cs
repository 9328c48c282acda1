using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Outbound;
using Platform.Core.Tenancy;

namespace Platform.Core.Orders;

/// <summary>Hangfire job (ids only): (re)runs fulfilment of a paid order — the sweep's backstop for paid-not-fulfilled orders.</summary>
public sealed class FulfilOrderJob(TenantScopeFactory scopes, ITenantStore tenants)
{
    public async Task RunAsync(Guid tenantId, Guid orderId, CancellationToken cancellationToken)
    {
        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return;
        }

        await using var scope = scopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.Status == OrderStatus.Paid, cancellationToken);
        if (order is null)
        {
            return;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
        var from = new Telegram.Bot.Types.User { Id = customer.TelegramUserId, FirstName = customer.FirstName ?? "", LanguageCode = customer.LanguageCode };
        if (await scope.ServiceProvider.GetRequiredService<BotChatFactory>().CreateAsync(tenant, order.BotId, order.ChatId, from, cancellationToken) is { } chat)
        {
            await scope.ServiceProvider.GetRequiredService<FulfilmentService>().FulfilAsync(chat, orderId, 0, cancellationToken);
        }
    }
}
