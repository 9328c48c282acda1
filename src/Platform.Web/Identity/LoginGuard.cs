using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Web.Identity;

/// <summary>
/// Slows password guessing down without letting anyone lock an account: failed logins are counted per account and
/// client address and per account (<see cref="Platform.Core.Identity.LoginThrottle"/> rows, upserted in PostgreSQL so
/// all replicas share them), and a key over its threshold refuses attempts for a short, growing delay. The keys are
/// made from the typed email whether or not an account exists, so being throttled reveals nothing about accounts.
/// </summary>
public sealed class LoginGuard(PlatformDbContext db, IOptions<LoginThrottleOptions> options, TimeProvider time)
{
    private static readonly TimeSpan StrikesForgottenAfter = TimeSpan.FromDays(1);
    private const int PruneBatch = 20;

    /// <summary>How long the caller must wait before trying this account from this address again; null when it may try now.</summary>
    public async Task<TimeSpan?> WaitBeforeAttemptAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var (account, pair) = Keys(email, clientAddress);
        var now = time.GetUtcNow();
        var until = await db.Database.SqlQuery<DateTimeOffset>($"""
            SELECT COALESCE(max("BlockedUntil"), {now}) AS "Value" FROM "LoginThrottles" WHERE "Key" IN ({account}, {pair})
            """).SingleAsync(cancellationToken);
        return until > now ? until - now : null;
    }

    /// <summary>Counts a failed attempt under both keys and starts a block on each key that reached its threshold.</summary>
    public async Task RecordFailureAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (account, pair) = Keys(email, clientAddress);
        await CountAsync(pair, settings.PerAddressFailures, settings, cancellationToken);
        await CountAsync(account, settings.PerAccountFailures, settings, cancellationToken);
        // Bounded clean-up of rows quiet for a day, so guesses at unknown emails do not pile up.
        var quietSince = time.GetUtcNow() - StrikesForgottenAfter;
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM "LoginThrottles" WHERE "Key" IN (
                SELECT "Key" FROM "LoginThrottles" WHERE "UpdatedAt" < {quietSince} ORDER BY "UpdatedAt" LIMIT {PruneBatch})
            """, cancellationToken);
    }

    /// <summary>A successful login clears this address's count for the account; the account-wide count keeps running.</summary>
    public async Task RecordSuccessAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var (_, pair) = Keys(email, clientAddress);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "LoginThrottles" WHERE "Key" = {pair}""", cancellationToken);
    }

    private async Task CountAsync(string key, int threshold, LoginThrottleOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var windowStart = now.AddSeconds(-settings.WindowSeconds);
        var quietSince = now - StrikesForgottenAfter;
        // One statement each, so concurrent failures on several replicas serialise on the row: the conditional UPDATE
        // sees the committed count, and only one of two racing attempts that cross the threshold starts the block.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LoginThrottles" AS t ("Key", "Failures", "WindowStartedAt", "Strikes", "BlockedUntil", "UpdatedAt")
            VALUES ({key}, 1, {now}, 0, NULL, {now})
            ON CONFLICT ("Key") DO UPDATE SET
                "Failures" = CASE WHEN t."WindowStartedAt" <= {windowStart} THEN 1 ELSE t."Failures" + 1 END,
                "WindowStartedAt" = CASE WHEN t."WindowStartedAt" <= {windowStart} THEN {now} ELSE t."WindowStartedAt" END,
                "Strikes" = CASE WHEN t."UpdatedAt" <= {quietSince} THEN 0 ELSE t."Strikes" END,
                "UpdatedAt" = {now}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "LoginThrottles" SET
                "BlockedUntil" = {now} + make_interval(secs => LEAST({settings.MaxDelaySeconds}::double precision,
                                                                     {settings.BaseDelaySeconds} * power(2, LEAST("Strikes", 20)))),
                "Strikes" = "Strikes" + 1, "Failures" = 0, "WindowStartedAt" = {now}
            WHERE "Key" = {key} AND "Failures" >= {threshold}
            """, cancellationToken);
    }

    private static (string Account, string Pair) Keys(string email, string clientAddress)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return (Hash("account\n" + normalized), Hash("pair\n" + normalized + "\n" + clientAddress));
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
