namespace Platform.TelegramSandbox.Channels;

/// <summary>What happened when a buyer used an invite link.</summary>
public enum JoinOutcome
{
    Joined,
    RequestSent,
    AlreadyMember,
    NotFound,
    Revoked,
    Expired,
    LimitReached,
    Banned,
    InsufficientStars,
}
