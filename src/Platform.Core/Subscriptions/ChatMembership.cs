using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// A member's place in one granted chat: the personal invite link made for them, whether they joined (confirmed from
/// chat_member updates), and whether we removed them. One row per (tenant, chat, Telegram user).
/// </summary>
public sealed class ChatMembership : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? SubscriptionId { get; set; }
    public long TelegramChatId { get; set; }
    public long TelegramUserId { get; set; }
    public ChatMembershipStatus Status { get; set; }

    /// <summary>The personal invite link (member_limit 1) while it may still be used; revoked once used or expired.</summary>
    public string? InviteLink { get; set; }

    public DateTimeOffset? InviteLinkExpiresAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
