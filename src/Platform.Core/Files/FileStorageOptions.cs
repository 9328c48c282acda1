namespace Platform.Core.Files;

/// <summary>Section "Files": where goods are stored and how large an upload may be (docs/files.md).</summary>
public sealed class FileStorageOptions
{
    /// <summary>Default upload limit: 2 GB, enough for a course archive, small enough for one request.</summary>
    public const long DefaultMaxUploadBytes = 2L * 1024 * 1024 * 1024;

    /// <summary><c>Local</c> (default) or <c>S3</c>.</summary>
    public FileStorageProvider Provider { get; set; } = FileStorageProvider.Local;

    /// <summary>
    /// Folder of the local-disk store. Relative paths are resolved against the current directory; the web host
    /// sets <c>.data/files</c> under the repository in the local run when this is empty.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>Largest upload accepted (portal and API); bigger bodies get 413.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Section <c>Files:S3</c>, read only when <see cref="Provider"/> is <c>S3</c>.</summary>
    public S3StorageOptions S3 { get; set; } = new();
}
