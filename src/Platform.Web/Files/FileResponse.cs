using Platform.Core.Files;

namespace Platform.Web.Files;

/// <summary>A stored file as the API and the portal's JSON answers show it (never the storage key).</summary>
public sealed record FileResponse(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset CreatedAt)
{
    public static FileResponse From(StoredFile file) => new(file.Id, file.FileName, file.ContentType, file.Length, file.Sha256, file.CreatedAt);
}
