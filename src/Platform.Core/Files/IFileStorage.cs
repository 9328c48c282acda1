namespace Platform.Core.Files;

/// <summary>
/// Where file bytes live. Keys are made by <see cref="FileUploadService"/> (<c>{tenant}/{xx}/{file}</c>) and are opaque
/// to everything else. Local disk is the default (<see cref="LocalFileStorage"/>); <see cref="S3FileStorage"/> keeps them
/// in an S3-compatible bucket so every replica reads the same goods. Both pass the same contract tests
/// (tests/Platform.Tests/Files/FileStorageContract.cs).
/// </summary>
public interface IFileStorage
{
    /// <summary>Copies <paramref name="content"/> to <paramref name="key"/>; the object appears whole or not at all.</summary>
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// A seekable stream of known length over the stored bytes (seeking is what serves HTTP Range requests).
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing is stored under <paramref name="key"/>.</exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; a key with nothing stored is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>The file's path on local disk when there is one, so the web host can use its file-sending path.</summary>
    string? TryGetPhysicalPath(string key);

    /// <summary>
    /// A short-lived URL the buyer can be redirected to for the bytes (S3's <c>PresignedRedirect</c> mode), answering
    /// with the given content type and disposition; null when this storage serves bytes through the app.
    /// </summary>
    Task<Uri?> GetDownloadRedirectAsync(string key, string contentType, string contentDisposition, CancellationToken cancellationToken);
}
