using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("OutboxEvents");
        builder.Property(e => e.Type).HasMaxLength(OutboxEvent.TypeMaxLength);
        builder.Property(e => e.ApiVersion).HasMaxLength(16);
        builder.Property(e => e.Data).HasColumnType("jsonb");
        // The dispatcher's work list: only undispatched events, oldest first.
        builder.HasIndex(e => e.CreatedAt).HasFilter("\"DispatchedAt\" IS NULL").HasDatabaseName("IX_OutboxEvents_Undispatched");
        builder.HasIndex(e => new { e.TenantId, e.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
