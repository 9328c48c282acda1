using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Ledger;

namespace Platform.Core.Data.Configurations;

internal sealed class StarReconciliationConfiguration : IEntityTypeConfiguration<StarReconciliation>
{
    public void Configure(EntityTypeBuilder<StarReconciliation> builder)
    {
        builder.ToTable("StarReconciliations");
        builder.Property(r => r.LastError).HasMaxLength(500);
        builder.HasIndex(r => new { r.TenantId, r.BotId }).IsUnique();
        builder.HasOne<Bot>().WithMany().HasForeignKey(r => r.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
