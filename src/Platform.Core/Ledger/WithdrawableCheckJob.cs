using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Ledger;

/// <summary>
/// The recurring fan-out of <see cref="WithdrawableCheck"/>: every ten minutes, the tenants with ledger rows whose
/// release (credits) or time (debits: ReleasesAt = At) passed since the previous window — an index range scan on
/// IX_StarLedger_ReleasesAt, so its cost follows what changed, not the table — each get one job that checks the store's
/// bots. The window's end is kept in Hangfire's storage (a hash), so a worker that was down catches up from where the
/// last fan-out stopped; the first ever looks back <see cref="FirstLookBack"/>. Everything after it is idempotent.
/// </summary>
public sealed class WithdrawableCheckJob(TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs, JobStorage storage,
    TimeProvider time)
{
    public const string RecurringJobId = "ledger:withdrawable-check";
    public const string Schedule = "*/10 * * * *";

    /// <summary>How far back the very first fan-out looks (no window end stored yet).</summary>
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(1);

    private const string CursorHash = "ledger:withdrawable-check";
    private const string CursorField = "until";

    [AutomaticRetry(Attempts = 0)]
    public async Task FanOutAsync(CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow();
        var since = ReadCursor() ?? until - FirstLookBack;
        foreach (var tenantId in await TenantsAsync(since, until, cancellationToken))
        {
            jobs.Enqueue<WithdrawableCheckJob>(j => j.CheckTenantAsync(tenantId, CancellationToken.None));
        }

        WriteCursor(until); // after the jobs are queued: a fan-out that died before this is redone from the old window
    }

    /// <summary>Tenants with a release or a debit in (<paramref name="since"/>, <paramref name="until"/>], across tenants.</summary>
    public async Task<IReadOnlyList<Guid>> TenantsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        return await TenantsQuery(reader, since, until).ToListAsync(cancellationToken);
    }

    /// <summary>The fan-out's query on a cross-tenant reader (public so a benchmark can EXPLAIN exactly it).</summary>
    public static IQueryable<Guid> TenantsQuery(PlatformDbContext reader, DateTimeOffset since, DateTimeOffset until) =>
        reader.StarLedger.Where(e => e.ReleasesAt > since && e.ReleasesAt <= until).Select(e => e.TenantId).Distinct();

    /// <summary>Checks every bot of one store; returns how many crossings were told.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task<int> CheckTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: 0, (_, services) => services.GetRequiredService<WithdrawableCheck>().CheckStoreAsync(cancellationToken),
            cancellationToken);

    private DateTimeOffset? ReadCursor()
    {
        using var connection = storage.GetConnection();
        var value = connection.GetAllEntriesFromHash(CursorHash)?.GetValueOrDefault(CursorField);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private void WriteCursor(DateTimeOffset until)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(CursorHash, [new(CursorField, until.ToString("O", CultureInfo.InvariantCulture))]);
        transaction.Commit();
    }
}
