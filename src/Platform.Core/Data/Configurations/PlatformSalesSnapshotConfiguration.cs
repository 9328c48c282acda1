using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Administration;

namespace Platform.Core.Data.Configurations;

internal sealed class PlatformSalesSnapshotConfiguration : IEntityTypeConfiguration<PlatformSalesSnapshot>
{
    public void Configure(EntityTypeBuilder<PlatformSalesSnapshot> builder)
    {
        builder.ToTable("PlatformSalesSnapshots");
        builder.HasKey(s => new { s.From, s.To });
        builder.Property(s => s.Payload).HasColumnType("jsonb");
    }
}
