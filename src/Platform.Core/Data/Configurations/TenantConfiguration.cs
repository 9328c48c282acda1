using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.Property(t => t.Slug).HasMaxLength(Tenant.SlugMaxLength);
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.SuspensionReason).HasMaxLength(Tenant.ReasonMaxLength);
        builder.HasIndex(t => t.Slug).IsUnique();
        // The admin stores list: newest first, and by status.
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
    }
}
