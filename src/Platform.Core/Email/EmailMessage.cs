using Platform.Core.Tenancy;

namespace Platform.Core.Email;

/// <summary>
/// An email the platform wrote (password reset, invitation). In Development and tests this table is
/// the mail outbox; a production sender delivers and records the same row.
/// </summary>
[GlobalEntity("Account emails (password reset) are addressed to users, who are global.")]
public sealed class EmailMessage
{
    public Guid Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
