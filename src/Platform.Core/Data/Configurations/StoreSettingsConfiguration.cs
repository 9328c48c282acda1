using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Catalog;
using Platform.Core.Tenancy;

namespace Platform.Core.Data.Configurations;

internal sealed class StoreSettingsConfiguration : IEntityTypeConfiguration<StoreSettings>
{
    public void Configure(EntityTypeBuilder<StoreSettings> builder)
    {
        builder.ToTable("StoreSettings");
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.DisplayName).HasMaxLength(100);
        builder.Property(s => s.WelcomeText).HasMaxLength(4000);
        builder.Property(s => s.AboutText).HasMaxLength(4000);
        builder.Property(s => s.TermsText).HasMaxLength(4000);
        builder.Property(s => s.SupportText).HasMaxLength(4000);
        builder.Property(s => s.SupportContact).HasMaxLength(200);
        builder.Property(s => s.DefaultLanguage).HasMaxLength(8);
        builder.Property(s => s.ButtonTexts).HasColumnType("jsonb");
        builder.HasOne<Tenant>().WithOne().HasForeignKey<StoreSettings>(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
