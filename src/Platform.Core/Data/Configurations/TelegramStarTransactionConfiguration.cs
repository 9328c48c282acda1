using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Ledger;

namespace Platform.Core.Data.Configurations;

internal sealed class TelegramStarTransactionConfiguration : IEntityTypeConfiguration<TelegramStarTransaction>
{
    public void Configure(EntityTypeBuilder<TelegramStarTransaction> builder)
    {
        builder.ToTable("TelegramStarTransactions");
        builder.Property(t => t.TransactionId).HasMaxLength(255);
        builder.Property(t => t.Partner).HasMaxLength(64);
        builder.HasIndex(t => new { t.TenantId, t.BotId, t.TransactionId, t.Incoming }).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.BotId, t.Date });
        builder.HasOne<Bot>().WithMany().HasForeignKey(t => t.BotId).OnDelete(DeleteBehavior.Restrict);
    }
}
