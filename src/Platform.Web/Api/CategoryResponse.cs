namespace Platform.Web.Api;

public sealed record CategoryResponse(Guid Id, string Name, int SortOrder);
