namespace Platform.TelegramSandbox.Channels;

/// <summary>What happened when a buyer used an invite link.</summary>
public enum JoinOutcome
{
    Joined,
    AlreadyMember,
    NotFound,
    Revoked,
    Expired,
    LimitReached,
    Banned,
    InsufficientStars,
}
