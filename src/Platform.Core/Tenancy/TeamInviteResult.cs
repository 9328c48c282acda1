namespace Platform.Core.Tenancy;

/// <summary>The new invitation's link token (shown once, never stored), or a field-keyed error.</summary>
public sealed record TeamInviteResult(string? Token, Invitation? Invitation, string? ErrorField, string? Error)
{
    public bool Succeeded => Token is not null;

    public static TeamInviteResult Failed(string field, string message) => new(null, null, field, message);
}
