namespace Platform.Core.Subscriptions;

/// <summary>Where a member stands in one granted chat.</summary>
public enum ChatMembershipStatus
{
    /// <summary>A personal link (or an approval) is waiting to be used.</summary>
    Invited = 0,

    /// <summary>Telegram confirmed the join (chat_member).</summary>
    Joined = 1,

    /// <summary>Left by themselves.</summary>
    Left = 2,

    /// <summary>Removed by us (access ended, refund, or a link that was not theirs); not banned.</summary>
    Removed = 3,
}
