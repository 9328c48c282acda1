using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Outbound;
using Platform.Core.Tenancy;
using Telegram.Bot.Exceptions;

namespace Platform.Core.Ledger;

/// <summary>
/// Hangfire job: messages the store owner, through the bot they linked with, that a bot's Stars are ready to withdraw.
/// Sent once per crossing: the job claims the crossing first (<see cref="WithdrawableNotice.NotifiedAt"/> from null to
/// now, one conditional UPDATE), so a repeated or concurrent job sends nothing twice; a failed send other than "blocked"
/// gives the claim back and throws, so Hangfire retries. No linked owner: the claim is taken and nothing is sent.
/// </summary>
public sealed class OwnerBalanceMessageJob(TenantJobScope jobScope, TimeProvider time, ILogger<OwnerBalanceMessageJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public Task SendAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, (tenant, services) => SendInScopeAsync(tenant, services, botId, cancellationToken), cancellationToken);

    private async Task SendInScopeAsync(TenantInfo tenant, IServiceProvider services, Guid botId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var now = time.GetUtcNow();
        var claimed = await db.WithdrawableNotices.Where(n => n.BotId == botId && n.AboveMinimum && n.NotifiedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.NotifiedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return; // told already, or the Stars fell below the minimum meanwhile
        }

        var link = await db.OwnerTelegramLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TelegramUserId != null && l.BotId != null, cancellationToken);
        var balance = await services.GetRequiredService<BalanceReader>().ForBotAsync(botId, cancellationToken, now);
        if (link is null || balance is null || !balance.MinimumReached)
        {
            return;
        }

        var language = await db.Customers.AsNoTracking().Where(c => c.TelegramUserId == link.TelegramUserId).Select(c => c.LanguageCode)
            .FirstOrDefaultAsync(cancellationToken);
        var owner = new Telegram.Bot.Types.User { Id = link.TelegramUserId!.Value, FirstName = link.TelegramName ?? "", LanguageCode = language };
        var chat = await services.GetRequiredService<BotChatFactory>().CreateAsync(tenant, link.BotId!.Value, owner.Id, owner, cancellationToken);
        if (chat is null || chat.Bot.Status == BotStatus.Broken)
        {
            logger.LogInformation("Owner of tenant {TenantId} linked a bot that cannot send now; balance message of bot {BotId} dropped", tenant.Id, botId);
            return;
        }

        try
        {
            await chat.SendTextAsync(chat.Texts.BalanceWithdrawable(balance.BotUsername, balance.Withdrawable.Stars, balance.OnHold.Stars,
                balance.MinimumWithdrawalStars), null, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            logger.LogInformation("Owner of tenant {TenantId} blocked the bot; balance message of bot {BotId} not sent", tenant.Id, botId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Give the claim back (only ours: a newer crossing may have reset it), so the retry can send.
            await db.WithdrawableNotices.Where(n => n.BotId == botId && n.NotifiedAt == now)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.NotifiedAt, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
    }
}
