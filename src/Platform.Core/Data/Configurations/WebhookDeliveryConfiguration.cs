using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Outbox;
using Platform.Core.Webhooks;

namespace Platform.Core.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.EventType).HasMaxLength(OutboxEvent.TypeMaxLength);
        // Dispatching an event twice is a no-op (ON CONFLICT DO NOTHING on this index).
        builder.HasIndex(d => new { d.TenantId, d.EndpointId, d.EventId }).IsUnique();
        // The senders' work list: pending deliveries by due time, per endpoint.
        builder.HasIndex(d => new { d.EndpointId, d.NextAttemptAt })
            .HasFilter(WebhookDeliverySql.IsPending).HasDatabaseName("IX_WebhookDeliveries_Due");
        // The delivery log and replay: an endpoint's deliveries newest first.
        builder.HasIndex(d => new { d.TenantId, d.EndpointId, d.CreatedAt });
        builder.HasOne<WebhookEndpoint>().WithMany()
            .HasForeignKey(d => new { d.TenantId, d.EndpointId }).HasPrincipalKey(e => new { e.TenantId, e.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OutboxEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
