namespace Platform.Web.Api;

public sealed record RegisterBotRequest(string? Token);
