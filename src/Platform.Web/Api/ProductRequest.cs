namespace Platform.Web.Api;

/// <summary>
/// Body of <c>POST /api/v1/products</c> and <c>PATCH /api/v1/products/{id}</c>. On PATCH, absent (null) fields stay
/// as they are; send an all-zero id to clear categoryId, photoFileId or fileId.
/// </summary>
public sealed record ProductRequest(
    string? Kind,
    string? Title,
    string? Description,
    int? PriceStars,
    string? State,
    Guid? CategoryId,
    int? SortOrder,
    Guid? PhotoFileId,
    Guid? FileId,
    string? TextContent,
    int? DownloadLimit);
