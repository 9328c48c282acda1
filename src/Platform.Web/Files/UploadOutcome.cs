using Platform.Core.Files;

namespace Platform.Web.Files;

/// <summary>The stored file, or the HTTP status and message explaining why nothing was stored.</summary>
public sealed record UploadOutcome(StoredFile? File, int Status, string? Error)
{
    public static UploadOutcome Failed(int status, string error) => new(null, status, error);
}
