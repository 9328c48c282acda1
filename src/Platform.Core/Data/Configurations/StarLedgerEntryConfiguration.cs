using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Ledger;

namespace Platform.Core.Data.Configurations;

internal sealed class StarLedgerEntryConfiguration : IEntityTypeConfiguration<StarLedgerEntry>
{
    public void Configure(EntityTypeBuilder<StarLedgerEntry> builder)
    {
        builder.ToTable("StarLedger");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Key).HasMaxLength(300);
        builder.Property(e => e.TelegramTransactionId).HasMaxLength(255);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Ignore(e => e.Amount);
        // Idempotency: one row per bot and key, whatever the number of deliveries or passes.
        builder.HasIndex(e => new { e.TenantId, e.BotId, e.Key }).IsUnique();
        // The balance sums and the release schedule: rows released after a checkpoint's cutoff (or all, index-only, without one)…
        builder.HasIndex(e => new { e.TenantId, e.ReleasesAt })
            .IncludeProperties(e => new { e.BotId, e.Stars, e.Nanostars, e.At, e.Kind, e.RecordedAt });
        // …and rows recorded after it (reconciliation finds some late, dated earlier).
        builder.HasIndex(e => new { e.TenantId, e.RecordedAt });
        // The ledger list and the daily chart: by time.
        builder.HasIndex(e => new { e.TenantId, e.At }).IncludeProperties(e => new { e.BotId, e.Kind, e.Stars, e.Nanostars });
        // The withdrawable check's fan-out across tenants: rows whose release (credits) or time (debits: ReleasesAt = At) just passed.
        builder.HasIndex(e => e.ReleasesAt).HasDatabaseName("IX_StarLedger_ReleasesAt");
        builder.HasIndex(e => new { e.TenantId, e.TelegramTransactionId });
        // The admin figures' daily rollup across stores: rows of a day range.
        builder.HasIndex(e => e.At).HasDatabaseName("IX_StarLedger_At").IncludeProperties(e => new { e.TenantId, e.Kind, e.Stars });
        builder.HasOne<Bot>().WithMany().HasForeignKey(e => e.BotId).OnDelete(DeleteBehavior.Restrict);
    }
}
