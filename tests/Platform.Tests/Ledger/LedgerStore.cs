extern alias Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Tests.Bots;
using Sandbox::Platform.TelegramSandbox.Control.Client;

namespace Platform.Tests.Ledger;

/// <summary>A test store seen from the ledger's side: runs a reconciliation pass, reads its rows and mismatches, writes ledger rows.</summary>
public sealed class LedgerStore(TestStore store, SandboxControlClient telegram)
{
    public TestStore Store { get; } = store;
    public SandboxControlClient Telegram { get; } = telegram;
    public long TelegramBotId => Store.TelegramBotId;

    public static async Task<LedgerStore> CreateAsync(ReconciliationAppFactory app, string name) =>
        new(await TestStore.CreateAsync(app, name), new SandboxControlClient(new HttpClient { BaseAddress = app.Sandbox.BaseUrl }));

    public Task<ReconciliationResult> ReconcileAsync() =>
        Store.WithScopeAsync(sp => sp.GetRequiredService<StarReconciler>().RunAsync(Store.BotId, CancellationToken.None));

    public Task<List<StarLedgerEntry>> LedgerAsync() =>
        Store.WithDbAsync(db => db.StarLedger.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Key).ToListAsync());

    /// <summary>Sets the bot's claim as a pass that took it and died would have left it.</summary>
    public Task<int> ClaimUntilAsync(DateTimeOffset until) =>
        Store.WithDbAsync(db => db.StarReconciliations.ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, until)));

    public Task<List<LedgerMismatch>> MismatchesAsync() => Store.WithDbAsync(db => db.LedgerMismatches.AsNoTracking().OrderBy(m => m.Reference).ToListAsync());

    public Task<IReadOnlyList<LedgerMismatchView>> OpenMismatchesAsync() =>
        Store.WithScopeAsync(sp => sp.GetRequiredService<LedgerMismatchReader>().OpenForStoreAsync(CancellationToken.None));

    public Task<StarReconciliation> StateAsync() => Store.WithDbAsync(db => db.StarReconciliations.AsNoTracking().SingleAsync());

    public Task<int> MirroredAsync() => Store.WithDbAsync(db => db.TelegramStarTransactions.CountAsync());

    /// <summary>Writes a ledger row the way the payment path does (keyed, once).</summary>
    public Task<bool> WriteAsync(Func<LedgerEntries, StarLedgerEntry> build) => Store.WithScopeAsync(sp =>
        LedgerEntries.InsertOnceAsync(sp.GetRequiredService<PlatformDbContext>(), build(sp.GetRequiredService<LedgerEntries>()), Store.Tenant.Id,
            CancellationToken.None));

    public async Task<long> TelegramBalanceNanostarsAsync() => (await StateAsync()).TelegramBalanceNanostars ?? -1;
}
