namespace Platform.Web.Api;

/// <summary>One page of <c>GET /api/v1/subscriptions</c>: the memberships (newest first), the page asked for and the total matching.</summary>
public sealed record SubscriptionPageResponse(IEnumerable<SubscriptionResponse> Items, int Page, int PageSize, int Total);
