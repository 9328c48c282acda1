using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class DuplicateChargeConfiguration : IEntityTypeConfiguration<DuplicateCharge>
{
    public void Configure(EntityTypeBuilder<DuplicateCharge> builder)
    {
        builder.ToTable("DuplicateCharges");
        builder.Property(c => c.TelegramPaymentChargeId).HasMaxLength(200);
        // One row per charge: a redelivered successful_payment finds it and records nothing more.
        builder.HasIndex(c => new { c.TenantId, c.TelegramPaymentChargeId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.OrderId });
        // A record of money: nothing it points at may take it away.
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bot>().WithMany().HasForeignKey(c => c.BotId).OnDelete(DeleteBehavior.Restrict);
    }
}
