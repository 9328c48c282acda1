using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength);
        builder.Property(c => c.ClientId).HasMaxLength(100);
        builder.Property(c => c.ApplicationId).HasMaxLength(100);
        // Client ids are globally unique in OpenIddict's table; this index serves per-store lookups.
        builder.HasIndex(c => new { c.TenantId, c.ClientId }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
