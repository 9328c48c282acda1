using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Ledger;

namespace Platform.Core.Data.Configurations;

internal sealed class OwnerTelegramLinkConfiguration : IEntityTypeConfiguration<OwnerTelegramLink>
{
    public void Configure(EntityTypeBuilder<OwnerTelegramLink> builder)
    {
        builder.ToTable("OwnerTelegramLinks");
        builder.Property(l => l.PendingCodeHash).HasMaxLength(64);
        builder.Property(l => l.TelegramName).HasMaxLength(300);
        builder.HasIndex(l => l.TenantId).IsUnique();
        builder.HasIndex(l => l.PendingCodeHash);
        builder.HasOne<Bot>().WithMany().HasForeignKey(l => l.BotId).OnDelete(DeleteBehavior.SetNull);
    }
}
