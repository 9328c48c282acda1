namespace Platform.Web.Api;

/// <summary>Answer of <c>POST /api/v1/products/{id}/keys</c>, e.g. 12 added, 3 duplicates skipped, stock 40.</summary>
public sealed record KeysResponse(int Added, int Duplicates, int TooLong, int Stock, string Summary);
