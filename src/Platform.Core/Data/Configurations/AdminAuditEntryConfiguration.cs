using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Administration;

namespace Platform.Core.Data.Configurations;

internal sealed class AdminAuditEntryConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> builder)
    {
        builder.ToTable("AdminAuditEntries");
        builder.Property(e => e.AdminEmail).HasMaxLength(256);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Reason).HasMaxLength(AdminAuditEntry.ReasonMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(AdminAuditEntry.DetailMaxLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.TenantId, e.At });
    }
}
