namespace Platform.Web.Api;

/// <summary>Answer of <c>POST /api/v1/webhook-endpoints/{id}/test</c>: the id of the <c>webhook.test</c> event queued.</summary>
public sealed record WebhookTestResponse(Guid EventId);
