namespace Platform.Web.Api;

/// <summary>Answer of <c>POST /api/v1/webhook-endpoints/{id}/replay</c>: how many failed deliveries were queued again.</summary>
public sealed record WebhookReplayResponse(int Replayed);
