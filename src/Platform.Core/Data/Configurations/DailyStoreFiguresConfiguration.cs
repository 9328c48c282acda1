using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Administration;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class DailyStoreFiguresConfiguration : IEntityTypeConfiguration<DailyStoreFigures>
{
    public void Configure(EntityTypeBuilder<DailyStoreFigures> builder)
    {
        builder.ToTable("DailyStoreFigures");
        builder.HasKey(f => new { f.TenantId, f.Day });
        // Platform totals per day and the top stores of a period: by day first.
        builder.HasIndex(f => f.Day).IncludeProperties(f => new { f.TenantId, f.Sales, f.GrossStars, f.Refunds, f.RefundedStars });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
