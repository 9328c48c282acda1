using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Inbox;

namespace Platform.Core.Data.Configurations;

internal sealed class InboxUpdateConfiguration : IEntityTypeConfiguration<InboxUpdate>
{
    public void Configure(EntityTypeBuilder<InboxUpdate> builder)
    {
        builder.ToTable("InboxUpdates");
        builder.Property(u => u.Id).UseIdentityAlwaysColumn();
        builder.Property(u => u.Payload).HasColumnType("bytea");
        builder.Property(u => u.LastError).HasMaxLength(1000);
        builder.Property(u => u.TraceParent).HasMaxLength(64);
        builder.HasIndex(u => new { u.TenantId, u.BotId, u.UpdateId }).IsUnique();
        // The processor's work list: unprocessed updates in update_id order per bot and chat.
        builder.HasIndex(u => new { u.TenantId, u.BotId, u.ChatId, u.UpdateId }).HasFilter("\"ProcessedAt\" IS NULL")
            .HasDatabaseName("IX_InboxUpdates_Unprocessed");
        builder.HasOne<Bot>().WithMany().HasForeignKey(u => u.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
