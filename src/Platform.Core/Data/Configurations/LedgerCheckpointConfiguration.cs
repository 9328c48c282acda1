using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Ledger;

namespace Platform.Core.Data.Configurations;

internal sealed class LedgerCheckpointConfiguration : IEntityTypeConfiguration<LedgerCheckpoint>
{
    public void Configure(EntityTypeBuilder<LedgerCheckpoint> builder)
    {
        builder.ToTable("LedgerCheckpoints");
        builder.HasIndex(c => new { c.TenantId, c.BotId }).IsUnique();
        builder.HasOne<Bot>().WithMany().HasForeignKey(c => c.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
