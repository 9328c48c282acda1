namespace Platform.Core.Subscriptions;

/// <summary>
/// What a subscription plan grants, to create or change. Null leaves a part as it is (PATCH semantics); an empty list
/// grants nothing of that kind. Errors come back keyed by these property names.
/// </summary>
public sealed record PlanInput
{
    /// <summary>How members enter the plan's chats.</summary>
    public ChannelAccessMode? ChannelAccess { get; init; }

    /// <summary>Telegram chat ids among the store's managed chats (the bot an admin with invite and ban rights).</summary>
    public IReadOnlyList<long>? GrantChats { get; init; }

    /// <summary>File or text products of the store that members may take while access lasts.</summary>
    public IReadOnlyList<Guid>? GrantProducts { get; init; }
}
