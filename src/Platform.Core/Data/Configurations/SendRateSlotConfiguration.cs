using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Outbound;

namespace Platform.Core.Data.Configurations;

internal sealed class SendRateSlotConfiguration : IEntityTypeConfiguration<SendRateSlot>
{
    public void Configure(EntityTypeBuilder<SendRateSlot> builder)
    {
        builder.ToTable("SendRateSlots");
        builder.IsUnlogged();
        builder.HasKey(s => new { s.BotId, s.ChatId });
        builder.HasIndex(s => s.TheoreticalArrival); // pruning of quiet chats
    }
}
