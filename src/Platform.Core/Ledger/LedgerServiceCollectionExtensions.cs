using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Jobs;

namespace Platform.Core.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>The Stars ledger, withdrawal eligibility, reconciliation with Telegram and telling the merchant (docs/ledger.md).</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.Section))
            .Validate(o => o.Hold >= TimeSpan.Zero && o.Hold <= TimeSpan.FromDays(365), "Ledger:Hold must be between 0 and 365 days.")
            .Validate(o => o.MinimumWithdrawalStars is >= 1 and <= 1_000_000_000, "Ledger:MinimumWithdrawalStars must be between 1 and 10⁹.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ReconciliationSchedule), "Ledger:ReconciliationSchedule must be a cron expression.")
            .Validate(o => o.MissingAtTelegramAfter > TimeSpan.Zero, "Ledger:MissingAtTelegramAfter must be positive.")
            .Validate(o => o.CheckpointMargin >= TimeSpan.FromMinutes(1), "Ledger:CheckpointMargin must be at least a minute.")
            .Validate(o => o.CheckpointMinRows >= 1, "Ledger:CheckpointMinRows must be at least 1.")
            .ValidateOnStart();
        // Writing: the rows every payment, renewal and refund adds in its own transaction.
        services.AddSingleton<LedgerEntries>();
        services.AddScoped<IBotUsage, LedgerBotUsage>();
        // Reading: balances and the release schedule.
        services.AddScoped<BalanceReader>();
        // Checkpoints: a big store's history summed once a day, so its balance reads only what came after.
        services.AddScoped<LedgerCheckpoints>();
        services.AddTransient<LedgerCheckpointJob>();
        services.AddRecurringJob<LedgerCheckpointJob>(LedgerCheckpointJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None),
            LedgerCheckpointJob.Schedule);
        // Reconciliation with Telegram: a recurring fan-out, one pass per bot; and what it flagged, for the Balance page and admins.
        services.AddScoped<StarReconciler>();
        services.AddScoped<LedgerMismatchReader>();
        services.AddTransient<ReconciliationSweep>();
        services.AddRecurringJob<ReconciliationSweep>(ReconciliationSweep.RecurringJobId, j => j.FanOutAsync(CancellationToken.None),
            configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>()?.ReconciliationSchedule ?? new LedgerOptions().ReconciliationSchedule);
        services.AddScoped<LedgerReader>();
        // Telling the merchant: the owner's Telegram link, the withdrawable check and its fan-out, the owner's message.
        services.AddScoped<OwnerLinks>();
        services.AddScoped<WithdrawableCheck>();
        services.AddTransient<WithdrawableCheckJob>();
        services.AddTransient<OwnerBalanceMessageJob>();
        services.AddRecurringJob<WithdrawableCheckJob>(WithdrawableCheckJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None),
            WithdrawableCheckJob.Schedule);
        return services;
    }
}
