using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Orders;
using Platform.Core.Subscriptions;

namespace Platform.Core.Data.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("Subscriptions");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.TelegramChargeId).HasMaxLength(200);
        builder.Property(s => s.CanceledBy).HasMaxLength(16);
        // One membership per customer and plan: a renewal extends it, a late purchase reactivates it.
        builder.HasIndex(s => new { s.TenantId, s.PlanId, s.CustomerId }).IsUnique();
        builder.HasIndex(s => new { s.TenantId, s.Status, s.PeriodEnd });
        builder.HasIndex(s => new { s.TenantId, s.TelegramUserId });
        // The sweep reads only due rows: these two partial indexes hold only memberships that still grant access.
        builder.HasIndex(s => s.AccessEndsAt).HasDatabaseName("IX_Subscriptions_Due_Expiry").HasFilter("\"Status\" <> 'Expired'");
        builder.HasIndex(s => s.RemindAt).HasDatabaseName("IX_Subscriptions_Due_Reminder").HasFilter("\"RemindAt\" IS NOT NULL");
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bot>().WithMany().HasForeignKey(s => s.BotId).OnDelete(DeleteBehavior.Restrict);
    }
}
