using Platform.Core.Tenancy;

namespace Platform.Core.Bots;

/// <summary>
/// Maps a bot to its tenant before any tenant is known (update ingress at <c>/telegram/{botId}</c>) and
/// keeps a Telegram bot registered by one store only. Holds no secrets.
/// </summary>
[GlobalEntity("Routes incoming updates to their tenant and enforces one store per Telegram bot; holds ids only.")]
public sealed class BotRoute
{
    public Guid BotId { get; set; }
    public long TelegramBotId { get; set; }
    public Guid TenantId { get; set; }
}
