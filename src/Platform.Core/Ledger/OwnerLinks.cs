using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// The store owner's Telegram link: the portal makes a one-time code (only its SHA-256 is stored, valid
/// <see cref="CodeLifetime"/>), the owner sends <c>/start own_{code}</c> to one of the store's bots, and the bot redeems
/// it with one conditional UPDATE, so a code links once, never after it expired, and two redeems at once link once.
/// </summary>
public sealed class OwnerLinks(PlatformDbContext db, ITenantContextAccessor tenant, TimeProvider time)
{
    /// <summary>The /start payload's prefix that marks an owner's code (Telegram allows A–Z, a–z, 0–9, _ and - there).</summary>
    public const string StartPrefix = "own_";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>24 random bytes (192 bits), base64url: 32 characters, within Telegram's 64 for a start payload.</summary>
    private const int CodeBytes = 24;

    /// <summary>The store's link row (linked or with a pending code), or null.</summary>
    public Task<OwnerTelegramLink?> FindAsync(CancellationToken cancellationToken) =>
        db.OwnerTelegramLinks.AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A new one-time code for the store (it replaces a pending one; an existing link stays until the code is used).
    /// Returns the code itself: shown once, never stored.
    /// </summary>
    public async Task<string> CreateCodeAsync(Guid userId, CancellationToken cancellationToken)
    {
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(CodeBytes));
        var now = time.GetUtcNow();
        var tenantId = tenant.Tenant?.Id ?? throw new InvalidOperationException("Owner links need a tenant scope.");
        // One row per store (unique TenantId): an upsert, so two clicks at once leave one row with the later code.
        await using var open = await db.EnsureOpenAsync(cancellationToken);
        await using var batch = db.CreateBatch();
        batch.Add("""
            INSERT INTO "OwnerTelegramLinks" ("Id", "TenantId", "PendingCodeHash", "PendingCodeExpiresAt", "RequestedByUserId")
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT ("TenantId") DO UPDATE SET "PendingCodeHash" = EXCLUDED."PendingCodeHash",
                "PendingCodeExpiresAt" = EXCLUDED."PendingCodeExpiresAt", "RequestedByUserId" = EXCLUDED."RequestedByUserId"
            """, Guid.CreateVersion7(now), tenantId, Hash(code), now + CodeLifetime, userId);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return code;
    }

    /// <summary>
    /// Redeems <paramref name="code"/> for the Telegram user who sent it to <paramref name="botId"/>: true when it linked
    /// them (the code is then spent), false when the code is malformed, unknown, used or expired (nothing changes).
    /// </summary>
    public async Task<bool> RedeemAsync(string code, Guid botId, long telegramUserId, string? telegramName, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(code))
        {
            return false;
        }

        var hash = Hash(code);
        var now = time.GetUtcNow();
        var name = PostgresText.Clean(telegramName);
        name = name is { Length: > 300 } ? name[..300] : name;
        var linked = await db.OwnerTelegramLinks
            .Where(l => l.PendingCodeHash == hash && l.PendingCodeExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.PendingCodeHash, (string?)null)
                .SetProperty(l => l.PendingCodeExpiresAt, (DateTimeOffset?)null)
                .SetProperty(l => l.BotId, botId)
                .SetProperty(l => l.TelegramUserId, telegramUserId)
                .SetProperty(l => l.TelegramName, name)
                .SetProperty(l => l.LinkedAt, now), cancellationToken);
        return linked == 1;
    }

    /// <summary>Forgets the owner's Telegram account (and any pending code); true when there was something to forget.</summary>
    public async Task<bool> UnlinkAsync(CancellationToken cancellationToken) =>
        await db.OwnerTelegramLinks.Where(l => l.TelegramUserId != null || l.PendingCodeHash != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.PendingCodeHash, (string?)null)
                .SetProperty(l => l.PendingCodeExpiresAt, (DateTimeOffset?)null)
                .SetProperty(l => l.BotId, (Guid?)null)
                .SetProperty(l => l.TelegramUserId, (long?)null)
                .SetProperty(l => l.TelegramName, (string?)null)
                .SetProperty(l => l.LinkedAt, (DateTimeOffset?)null), cancellationToken) > 0;

    /// <summary>Lowercase hex SHA-256 of the code, as stored in <see cref="OwnerTelegramLink.PendingCodeHash"/>.</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Exactly a code's shape (32 base64url characters): anything else is refused before it reaches the database.</summary>
    public static bool IsWellFormed(string code) =>
        code.Length == 32 && code.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
