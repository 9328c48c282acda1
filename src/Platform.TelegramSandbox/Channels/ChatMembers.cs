using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Channels;

/// <summary>Builds Telegram's ChatMember and ChatInviteLink objects from the sandbox's records.</summary>
internal static class ChatMembers
{
    public static ChatMember From(User user, MemberRecord? record) => record?.Status switch
    {
        "member" => new ChatMemberMember { User = user, UntilDate = record.UntilDate?.UtcDateTime },
        // Telegram sends until_date 0 for a ban without end.
        "kicked" => new ChatMemberBanned { User = user, UntilDate = record.UntilDate?.UtcDateTime ?? DateTime.UnixEpoch },
        _ => new ChatMemberLeft { User = user },
    };

    public static ChatMemberAdministrator Administrator(User bot) => new()
    {
        User = bot,
        CanBeEdited = false,
        IsAnonymous = false,
        CanManageChat = true,
        CanDeleteMessages = true,
        CanManageVideoChats = false,
        CanRestrictMembers = true,
        CanPromoteMembers = false,
        CanChangeInfo = true,
        CanInviteUsers = true,
        CanPostStories = false,
        CanEditStories = false,
        CanDeleteStories = false,
        CanPostMessages = true,
        CanEditMessages = true,
    };

    public static ChatInviteLink Link(SandboxStore store, InviteLinkRecord record) => new()
    {
        InviteLink = record.Link,
        Creator = store.Data.Bots[record.CreatorBotId].ToUser(),
        CreatesJoinRequest = record.CreatesJoinRequest,
        IsPrimary = false,
        IsRevoked = record.IsRevoked,
        Name = record.Name,
        ExpireDate = record.ExpireDate?.UtcDateTime,
        MemberLimit = record.MemberLimit,
        SubscriptionPeriod = record.SubscriptionPeriod,
        SubscriptionPrice = record.SubscriptionPrice,
    };
}
