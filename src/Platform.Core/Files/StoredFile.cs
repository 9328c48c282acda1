using Platform.Core.Tenancy;

namespace Platform.Core.Files;

/// <summary>A file a merchant uploaded; bytes live in file storage under <see cref="StorageKey"/>.</summary>
public sealed class StoredFile : ITenantOwned
{
    public const int FileNameMaxLength = 255;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }

    /// <summary>Lowercase hex SHA-256 of the bytes; also the ETag of downloads.</summary>
    public required string Sha256 { get; set; }

    public required string StorageKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
