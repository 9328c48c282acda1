using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Catalog;
using Platform.Core.Subscriptions;

namespace Platform.Core.Data.Configurations;

internal sealed class SubscriptionPlanConfiguration : IEntityTypeConfiguration<SubscriptionPlan>
{
    public void Configure(EntityTypeBuilder<SubscriptionPlan> builder)
    {
        builder.ToTable("SubscriptionPlans");
        builder.HasKey(p => p.ProductId);
        builder.Property(p => p.ChannelAccess).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => p.TenantId);
        builder.HasOne<Product>().WithOne().HasForeignKey<SubscriptionPlan>(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
