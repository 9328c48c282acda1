using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Catalog;
using Platform.Core.Subscriptions;

namespace Platform.Core.Data.Configurations;

internal sealed class PlanGrantConfiguration : IEntityTypeConfiguration<PlanGrant>
{
    public void Configure(EntityTypeBuilder<PlanGrant> builder)
    {
        builder.ToTable("PlanGrants");
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.ChatTitle).HasMaxLength(255);
        builder.Property(g => g.SharedInviteLink).HasMaxLength(200);
        builder.HasIndex(g => new { g.TenantId, g.PlanId });
        builder.HasIndex(g => new { g.TenantId, g.TelegramChatId });
        builder.HasIndex(g => new { g.TenantId, g.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(g => g.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
