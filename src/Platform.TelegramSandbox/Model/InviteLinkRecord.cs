namespace Platform.TelegramSandbox.Model;

/// <summary>An invite link a bot created for a channel, plain or with a Star subscription.</summary>
internal sealed class InviteLinkRecord
{
    public string Link { get; set; } = "";
    public long CreatorBotId { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset? ExpireDate { get; set; }
    public int? MemberLimit { get; set; }
    public int JoinedCount { get; set; }
    public bool CreatesJoinRequest { get; set; }
    public bool IsRevoked { get; set; }
    public int? SubscriptionPeriod { get; set; }
    public int? SubscriptionPrice { get; set; }
}
