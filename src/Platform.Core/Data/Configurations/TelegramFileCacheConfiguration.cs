using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Files;
using Platform.Core.Outbound;

namespace Platform.Core.Data.Configurations;

internal sealed class TelegramFileCacheConfiguration : IEntityTypeConfiguration<TelegramFileCache>
{
    public void Configure(EntityTypeBuilder<TelegramFileCache> builder)
    {
        builder.ToTable("TelegramFileCache");
        builder.HasKey(c => new { c.TenantId, c.BotId, c.FileId });
        builder.Property(c => c.TelegramFileId).HasMaxLength(200);
        builder.HasOne<Bot>().WithMany().HasForeignKey(c => c.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
