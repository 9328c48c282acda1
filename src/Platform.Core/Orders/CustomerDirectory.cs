using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Telegram.Bot.Types;

namespace Platform.Core.Orders;

/// <summary>The store's view of a Telegram user: one row per (tenant, user), upserted so concurrent updates cannot race.</summary>
public sealed class CustomerDirectory(PlatformDbContext db, TimeProvider time)
{
    public async Task<Guid> UpsertAsync(User user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = await db.Database.SqlQuery<Guid>($"""
            INSERT INTO "Customers" ("Id", "TenantId", "TelegramUserId", "Username", "FirstName", "LanguageCode", "CreatedAt", "LastSeenAt")
            VALUES ({Guid.CreateVersion7(now)}, {db.CurrentTenantId}, {user.Id}, {Cut(user.Username, 64)}, {Cut(user.FirstName, 128)}, {Cut(user.LanguageCode, 16)}, {now}, {now})
            ON CONFLICT ("TenantId", "TelegramUserId") DO UPDATE SET "Username" = EXCLUDED."Username", "FirstName" = EXCLUDED."FirstName",
                "LanguageCode" = EXCLUDED."LanguageCode", "LastSeenAt" = EXCLUDED."LastSeenAt"
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
        return ids[0];
    }

    // Whatever a (forged) update carries fits the columns; cleaned after cutting, as a cut between the halves of a
    // surrogate pair leaves a lone surrogate.
    private static string? Cut(string? value, int max) => PostgresText.Clean(value is null || value.Length <= max ? value : value[..max]);
}
