using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>member.joined: Telegram confirmed (chat_member) that a member entered a chat a plan grants.</summary>
[Description("Telegram confirmed that a member joined a channel or group a plan grants (from a chat_member update).")]
public sealed record MemberJoined(
    [property: Description("The membership that admitted them; null for a Telegram channel-subscription link the store does not "
        + "know yet.")] Guid? SubscriptionId,
    [property: Description("The member's Telegram user id.")] long TelegramUserId,
    [property: Description("The channel or group's Telegram chat id.")] long TelegramChatId,
    [property: Description("The chat's title.")] string ChatTitle,
    [property: Description("When Telegram reported the join (ISO 8601, UTC).")] DateTimeOffset JoinedAt) : IPlatformEvent
{
    public const string TypeName = "member.joined";

    static string IPlatformEvent.TypeName => TypeName;
}
