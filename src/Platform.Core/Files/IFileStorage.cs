namespace Platform.Core.Files;

/// <summary>
/// Where file bytes live. Keys are made by <see cref="FileUploadService"/> (<c>{tenant}/{xx}/{file}</c>) and are opaque
/// to everything else. Local disk is the default; an S3-compatible store can implement this later.
/// </summary>
public interface IFileStorage
{
    /// <summary>Copies <paramref name="content"/> to <paramref name="key"/>; the object appears whole or not at all.</summary>
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>A seekable stream over the stored bytes (seeking is what serves HTTP Range requests).</summary>
    Stream OpenRead(string key);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>The file's path on local disk when there is one, so the web host can use its file-sending path.</summary>
    string? TryGetPhysicalPath(string key);
}
