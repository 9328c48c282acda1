using Microsoft.Extensions.Configuration;
using Platform.Core.Files;

namespace Platform.Core.Outbound;

/// <summary>Reads a stored file's bytes for upload to Telegram, through the platform's file storage.</summary>
public sealed class BotFileSource(IFileStorage storage, IConfiguration configuration)
{
    /// <summary>The local storage root (<c>Files:Root</c>, default <c>.data/files</c>), for seeding demo files.</summary>
    public string Root => Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine(".data", "files"));

    /// <summary>A fresh seekable stream over the file (local disk or S3, whichever <c>Files:Provider</c> names).</summary>
    public Task<Stream> OpenReadAsync(StoredFile file, CancellationToken cancellationToken) => storage.OpenReadAsync(file.StorageKey, cancellationToken);
}
