using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Subscriptions;

namespace Platform.Core.Data.Configurations;

internal sealed class ChatMembershipConfiguration : IEntityTypeConfiguration<ChatMembership>
{
    public void Configure(EntityTypeBuilder<ChatMembership> builder)
    {
        builder.ToTable("ChatMemberships");
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.InviteLink).HasMaxLength(200);
        builder.HasIndex(m => new { m.TenantId, m.TelegramChatId, m.TelegramUserId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.InviteLink }).HasFilter("\"InviteLink\" IS NOT NULL");
        builder.HasIndex(m => new { m.TenantId, m.SubscriptionId });
        builder.HasOne<Subscription>().WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
