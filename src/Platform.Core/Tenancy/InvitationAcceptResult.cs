namespace Platform.Core.Tenancy;

/// <summary>
/// Outcome of accepting an invitation: the store joined, or <see cref="LinkInvalid"/> (unknown, used or
/// expired — nothing changed), or field-keyed errors from creating the account (nothing changed either).
/// </summary>
public sealed record InvitationAcceptResult(TenantInfo? Store, Guid? UserId, bool LinkInvalid, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Store is not null;

    public static InvitationAcceptResult Invalid { get; } = new(null, null, true, new Dictionary<string, string[]>());

    public static InvitationAcceptResult Joined(TenantInfo store, Guid userId) => new(store, userId, false, new Dictionary<string, string[]>());

    public static InvitationAcceptResult Failed(IReadOnlyDictionary<string, string[]> errors) => new(null, null, false, errors);
}
