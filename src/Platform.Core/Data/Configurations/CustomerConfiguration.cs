using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Orders;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.Property(c => c.Username).HasMaxLength(64);
        builder.Property(c => c.FirstName).HasMaxLength(128);
        builder.Property(c => c.LanguageCode).HasMaxLength(16);
        builder.HasIndex(c => new { c.TenantId, c.TelegramUserId }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
