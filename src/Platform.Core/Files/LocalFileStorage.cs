using Microsoft.Extensions.Options;

namespace Platform.Core.Files;

/// <summary>
/// Files on local disk under <see cref="FileStorageOptions.Root"/>. Writes go to a temporary name first and are
/// renamed into place, so a crashed upload never leaves a half file under a real key.
/// </summary>
public sealed class LocalFileStorage : IFileStorage
{
    private const int CopyBufferSize = 128 * 1024;
    private readonly string root;

    public LocalFileStorage(IOptions<FileStorageOptions> options)
    {
        var configured = options.Value.Root;
        root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(".data", "files") : configured);
    }

    public string Root => root;

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(target, CopyBufferSize, cancellationToken);
                await target.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public string? TryGetPhysicalPath(string key) => PathOf(key);

    /// <summary>Keys are ours, but a key that escapes the root is refused anyway (defence against a corrupted row).</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The storage key leaves the storage root.", nameof(key));
        }

        return path;
    }
}
