namespace Platform.Web.Api;

/// <summary>Body of the replay call: failed deliveries created in [From, To) are sent again.</summary>
public sealed record WebhookReplayRequest(DateTimeOffset? From, DateTimeOffset? To);
