namespace Platform.Core.Files;

/// <summary>What a valid download token names.</summary>
public sealed record DownloadToken(Guid TenantId, Guid OrderId, Guid FileId, DateTimeOffset ExpiresAt);
