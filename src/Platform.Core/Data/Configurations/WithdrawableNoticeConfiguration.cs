using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Bots;
using Platform.Core.Ledger;

namespace Platform.Core.Data.Configurations;

internal sealed class WithdrawableNoticeConfiguration : IEntityTypeConfiguration<WithdrawableNotice>
{
    public void Configure(EntityTypeBuilder<WithdrawableNotice> builder)
    {
        builder.ToTable("WithdrawableNotices");
        builder.HasIndex(n => new { n.TenantId, n.BotId }).IsUnique();
        builder.HasOne<Bot>().WithMany().HasForeignKey(n => n.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
