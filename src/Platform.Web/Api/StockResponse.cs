namespace Platform.Web.Api;

/// <summary><c>GET /api/v1/products/{id}/stock</c>: sellable keys of a key product; null for other kinds.</summary>
public sealed record StockResponse(int? Available);
