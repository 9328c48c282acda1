namespace Platform.Core.Files;

/// <summary>Section "Files".</summary>
public sealed class FileStorageOptions
{
    /// <summary>Default upload limit: 2 GB, enough for a course archive, small enough for one request.</summary>
    public const long DefaultMaxUploadBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Folder of the local-disk store. Relative paths are resolved against the current directory; the web host
    /// sets <c>.data/files</c> under the repository in the local run when this is empty.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>Largest upload accepted (portal and API); bigger bodies get 413.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}
