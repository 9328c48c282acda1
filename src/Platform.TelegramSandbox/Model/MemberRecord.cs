namespace Platform.TelegramSandbox.Model;

/// <summary>A user's standing in a channel.</summary>
internal sealed class MemberRecord
{
    public string Status { get; set; } = "member";
    public DateTimeOffset? UntilDate { get; set; }
    public string? JoinedVia { get; set; }
}
