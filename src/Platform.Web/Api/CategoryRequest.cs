namespace Platform.Web.Api;

/// <summary>Body of <c>POST /api/v1/categories</c> and <c>PATCH /api/v1/categories/{id}</c>.</summary>
public sealed record CategoryRequest(string? Name);
