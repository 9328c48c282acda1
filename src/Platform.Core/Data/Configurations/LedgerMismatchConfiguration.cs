using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Ledger;

namespace Platform.Core.Data.Configurations;

internal sealed class LedgerMismatchConfiguration : IEntityTypeConfiguration<LedgerMismatch>
{
    public void Configure(EntityTypeBuilder<LedgerMismatch> builder)
    {
        builder.ToTable("LedgerMismatches");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Reference).HasMaxLength(300);
        builder.HasIndex(m => new { m.TenantId, m.BotId, m.Kind, m.Reference }).IsUnique();
        // Open mismatches across tenants, for the platform admins.
        builder.HasIndex(m => m.DetectedAt).HasDatabaseName("IX_LedgerMismatches_Open").HasFilter("\"ResolvedAt\" IS NULL");
        builder.HasOne<Bot>().WithMany().HasForeignKey(m => m.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
