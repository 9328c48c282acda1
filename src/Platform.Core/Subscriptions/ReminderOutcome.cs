namespace Platform.Core.Subscriptions;

/// <summary>What became of one reminder the sweep claimed.</summary>
public enum ReminderOutcome
{
    /// <summary>Telegram took the message.</summary>
    Sent = 0,

    /// <summary>The member blocked the bot (403) or the bot is gone: the claim stays, so no retry storm.</summary>
    Unreachable = 1,
}
