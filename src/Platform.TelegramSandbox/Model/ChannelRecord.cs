using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Model;

/// <summary>A channel; bots are administrators, buyers join through invite links.</summary>
internal sealed class ChannelRecord
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string? Username { get; set; }
    public List<long> AdminBotIds { get; set; } = [];
    /// <summary>Status per user id: member, left or kicked (Telegram's ChatMember status words).</summary>
    public Dictionary<long, MemberRecord> Members { get; set; } = [];
    public List<InviteLinkRecord> InviteLinks { get; set; } = [];
    /// <summary>Pending join requests: user id → the invite link they used.</summary>
    public Dictionary<long, string> JoinRequests { get; set; } = [];
    /// <summary>Channel subscription fees go to the channel (not to a bot), as on Telegram.</summary>
    public long StarBalance { get; set; }

    public Chat ToChat() => new()
    {
        Id = Id,
        Type = Telegram.Bot.Types.Enums.ChatType.Channel,
        Title = Title,
        Username = Username,
    };
}
