using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>member.removed: the store's bot removed someone from a granted chat (never a permanent ban).</summary>
[Description("The store's bot removed someone from a channel or group a plan grants (not a permanent ban): access "
    + "ended (expired), a charge was refunded (refunded), they came in through a link that was not theirs "
    + "(foreign_link), or the merchant removed them (merchant).")]
public sealed record MemberRemoved(
    [property: Description("Their membership; null for someone who never had one (foreign_link).")] Guid? SubscriptionId,
    [property: Description("The removed user's Telegram id.")] long TelegramUserId,
    [property: Description("The channel or group's Telegram chat id.")] long TelegramChatId,
    [property: Description("The chat's title.")] string ChatTitle,
    [property: Description("Why: expired, refunded, foreign_link or merchant.")] string Reason,
    [property: Description("When they were removed (ISO 8601, UTC).")] DateTimeOffset RemovedAt) : IPlatformEvent
{
    public const string TypeName = "member.removed";

    static string IPlatformEvent.TypeName => TypeName;
}
