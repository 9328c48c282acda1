using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Orders;
using Platform.Core.Subscriptions;

namespace Platform.Core.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.ProductTitle).HasMaxLength(Product.TitleMaxLength);
        builder.Property(o => o.TelegramPaymentChargeId).HasMaxLength(200);
        builder.Property(o => o.RefundReason).HasMaxLength(Order.RefundReasonMaxLength);
        // Paid exactly once: a redelivered successful_payment finds this index and changes nothing.
        builder.HasIndex(o => new { o.TenantId, o.TelegramPaymentChargeId }).IsUnique().HasFilter("\"TelegramPaymentChargeId\" IS NOT NULL");
        builder.HasIndex(o => new { o.TenantId, o.CustomerId, o.CreatedAt });
        builder.HasIndex(o => new { o.TenantId, o.Status, o.CreatedAt });
        // The dashboard's periods: sales by the day they were paid, refunds by the day they happened.
        builder.HasIndex(o => new { o.TenantId, o.PaidAt }).HasFilter("\"PaidAt\" IS NOT NULL");
        builder.HasIndex(o => new { o.TenantId, o.RefundedAt }).HasFilter("\"RefundedAt\" IS NOT NULL");
        builder.HasOne<Bot>().WithMany().HasForeignKey(o => o.BotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Restrict);
        // A plan's charges: the first payment and every renewal of one membership.
        builder.HasIndex(o => new { o.TenantId, o.SubscriptionId }).HasFilter("\"SubscriptionId\" IS NOT NULL");
        builder.HasOne<Subscription>().WithMany().HasForeignKey(o => o.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
