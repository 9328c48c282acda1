namespace Platform.Core.Administration;

/// <summary>The signed-in platform admin an action is audited under.</summary>
public sealed record AdminActor(Guid UserId, string Email);
