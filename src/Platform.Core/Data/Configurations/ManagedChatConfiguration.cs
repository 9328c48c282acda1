using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Subscriptions;

namespace Platform.Core.Data.Configurations;

internal sealed class ManagedChatConfiguration : IEntityTypeConfiguration<ManagedChat>
{
    public void Configure(EntityTypeBuilder<ManagedChat> builder)
    {
        builder.ToTable("ManagedChats");
        builder.Property(c => c.Title).HasMaxLength(255);
        builder.Property(c => c.ChatType).HasMaxLength(16);
        builder.HasIndex(c => new { c.TenantId, c.BotId, c.TelegramChatId }).IsUnique();
        builder.HasOne<Bot>().WithMany().HasForeignKey(c => c.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
