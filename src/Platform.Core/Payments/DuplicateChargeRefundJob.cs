using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Payments;

/// <summary>
/// Hangfire job (tenant and row id): gives a <see cref="DuplicateCharge"/>'s Stars back with refundStarPayment, then
/// stamps the row refunded. Runs any number of times: a refunded row is left alone, and CHARGE_ALREADY_REFUNDED (a
/// retry after Telegram took the refund but before we stamped it) counts as done — the call is
/// <see cref="RefundService.RefundChargeAsync"/>, the one every refund makes. Other failures throw, so Hangfire
/// retries; the row keeps saying the refund is owed until it happens.
/// </summary>
public sealed class DuplicateChargeRefundJob(
    TenantJobScope jobScope, ILogger<DuplicateChargeRefundJob> logger)
{
    /// <summary>True when the charge is (now or already) refunded.</summary>
    [AutomaticRetry(Attempts = 10)]
    public Task<bool> RefundAsync(Guid tenantId, Guid duplicateChargeId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: false, (_, services) => RefundInScopeAsync(services, duplicateChargeId, cancellationToken), cancellationToken);

    private async Task<bool> RefundInScopeAsync(IServiceProvider services, Guid duplicateChargeId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var charge = await db.DuplicateCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == duplicateChargeId, cancellationToken);
        if (charge is null)
        {
            return false;
        }

        if (charge.RefundedAt is not null)
        {
            return true;
        }

        var token = await db.Bots.Where(b => b.Id == charge.BotId).Select(b => b.TokenCiphertext).FirstAsync(cancellationToken);
        var refunds = services.GetRequiredService<RefundService>();
        await refunds.RefundChargeAsync(charge.BotId, token, charge.BuyerTelegramUserId, charge.TelegramPaymentChargeId, cancellationToken);
        await refunds.MarkDuplicateRefundedAsync(charge, cancellationToken);
        logger.LogWarning(
            "Refunded duplicate charge {ChargeId} of {Stars} Stars to Telegram user {BuyerId} (order {OrderId})",
            charge.TelegramPaymentChargeId, charge.AmountStars, charge.BuyerTelegramUserId, charge.OrderId);
        return true;
    }
}
