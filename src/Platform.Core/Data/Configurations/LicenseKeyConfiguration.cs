using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Catalog;

namespace Platform.Core.Data.Configurations;

internal sealed class LicenseKeyConfiguration : IEntityTypeConfiguration<LicenseKey>
{
    public void Configure(EntityTypeBuilder<LicenseKey> builder)
    {
        builder.ToTable("LicenseKeys");
        builder.Property(k => k.Value).HasMaxLength(LicenseKey.ValueMaxLength);
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(k => new { k.TenantId, k.ProductId, k.Value }).IsUnique();
        builder.HasIndex(k => new { k.TenantId, k.ProductId, k.Status });
        // At most one key per order: a retried reservation can never take a second key.
        builder.HasIndex(k => new { k.TenantId, k.OrderId }).IsUnique().HasFilter("\"OrderId\" IS NOT NULL");
        builder.HasOne<Product>().WithMany().HasForeignKey(k => k.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
