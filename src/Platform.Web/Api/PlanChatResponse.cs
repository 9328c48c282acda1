namespace Platform.Web.Api;

/// <summary>One chat a plan grants: the id to send back in <c>grants.chats</c> and the title to show.</summary>
public sealed record PlanChatResponse(long Id, string? Title);
