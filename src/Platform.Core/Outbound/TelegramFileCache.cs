using Platform.Core.Tenancy;

namespace Platform.Core.Outbound;

/// <summary>
/// A file's Telegram file_id for one bot: a file is uploaded once per bot and re-sent by id after
/// (file_ids are per bot, so the key includes it). Outbound's own table: only <see cref="BotFileSender"/> writes it.
/// </summary>
public sealed class TelegramFileCache : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public Guid FileId { get; set; }
    public required string TelegramFileId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
