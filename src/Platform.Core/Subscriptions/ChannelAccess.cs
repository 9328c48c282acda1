namespace Platform.Core.Subscriptions;

/// <summary>
/// Lets members into the chats their plan grants and takes them out again (never a permanent ban). Scoped to one
/// tenant. Every method is safe to run twice.
/// </summary>
public sealed class ChannelAccess
{
    /// <summary>Sends the member what the plan grants now (personal links or the join-request link); logged in the access log.</summary>
    public Task GrantAsync(Guid subscriptionId, string actor, string reason, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Removes the member from every granted chat and revokes their unused links; logged with the actor and reason.</summary>
    public Task RevokeAsync(Guid subscriptionId, string actor, string reason, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
