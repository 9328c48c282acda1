using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Subscriptions;

namespace Platform.Core.Data.Configurations;

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.Target).HasMaxLength(255);
        builder.Property(e => e.Actor).HasMaxLength(300);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.HasIndex(e => new { e.TenantId, e.At });
        builder.HasIndex(e => new { e.TenantId, e.SubscriptionId, e.At });
        builder.HasOne<Subscription>().WithMany().HasForeignKey(e => e.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
