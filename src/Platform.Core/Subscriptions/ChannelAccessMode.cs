namespace Platform.Core.Subscriptions;

/// <summary>How a plan lets its members into its channels and groups (each way admits nobody else).</summary>
public enum ChannelAccessMode
{
    /// <summary>A personal invite link per member and chat: member_limit 1, short expiry, revoked once used.</summary>
    PersonalLink = 0,

    /// <summary>One join-request link per chat; the bot approves a request only from a member it knows.</summary>
    JoinRequest = 1,

    /// <summary>Telegram's native channel subscription link; Telegram charges at the door, we track who joins and leaves.</summary>
    TelegramSubscriptionLink = 2,
}
