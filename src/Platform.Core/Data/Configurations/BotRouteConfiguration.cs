using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class BotRouteConfiguration : IEntityTypeConfiguration<BotRoute>
{
    public void Configure(EntityTypeBuilder<BotRoute> builder)
    {
        builder.ToTable("BotRoutes");
        builder.HasKey(r => r.BotId);
        builder.Property(r => r.BotId).ValueGeneratedNever();
        // Global on purpose: one Telegram bot belongs to one store across the whole platform.
        builder.HasIndex(r => r.TelegramBotId).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
