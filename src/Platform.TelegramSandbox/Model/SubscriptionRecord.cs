namespace Platform.TelegramSandbox.Model;

/// <summary>A 30-day Star subscription to a bot (invoice link) or a channel (subscription invite link).</summary>
internal sealed class SubscriptionRecord
{
    public string Id { get; set; } = "";
    public long BotId { get; set; }
    public long UserId { get; set; }
    public long? ChannelId { get; set; }
    /// <summary>The channel invite link or the bot's invoice link it was bought with.</summary>
    public string? InviteLink { get; set; }
    public int Price { get; set; }
    public int Period { get; set; }
    public string Payload { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public bool Canceled { get; set; }
    public bool Active { get; set; } = true;
    public List<string> ChargeIds { get; set; } = [];
}
