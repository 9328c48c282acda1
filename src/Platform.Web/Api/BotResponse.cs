using Platform.Core.Bots;

namespace Platform.Web.Api;

/// <summary>A bot as the API shows it; never the token or the webhook secret.</summary>
public sealed record BotResponse(
    Guid Id, string Username, long TelegramBotId, string Status, string? LastError, DateTimeOffset? LastSyncedAt,
    string? WebhookUrl, int? PendingUpdateCount, string? WebhookLastError)
{
    public static BotResponse From(Bot bot) =>
        new(bot.Id, bot.Username, bot.TelegramBotId, bot.Status.ToString().ToLowerInvariant(), bot.LastError, bot.LastSyncedAt, null, null, null);

    public static BotResponse From(BotStatusView view) =>
        new(view.Id, view.Username, view.TelegramBotId, view.Status.ToString().ToLowerInvariant(), view.LastError, view.LastSyncedAt,
            view.WebhookUrl, view.PendingUpdateCount, view.WebhookLastError);
}
