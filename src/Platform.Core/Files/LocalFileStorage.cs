using Microsoft.Extensions.Options;

namespace Platform.Core.Files;

/// <summary>
/// Files on local disk under <see cref="FileStorageOptions.Root"/>. Writes go to a temporary name first and are
/// renamed into place, so a crashed upload never leaves a half file under a real key. Stored goods are the tenants'
/// private property: on Unix files are created 0600 and folders 0700, so no other local user can read them.
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
        CreatePrivateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var target = new FileStream(temporary, PrivateFile()))
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

    /// <summary>Owner read and write only (0600) — the mode a file is created with, not changed after.</summary>
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner only (0700).</summary>
    public const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static FileStreamOptions PrivateFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        return options;
    }

    /// <summary>Creates the folder (and any missing parents) 0700 on Unix; folders that exist keep their mode.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            // Directory.CreateDirectory gives the mode to the last folder only; missing parents would be 0755.
            var missing = new Stack<string>();
            for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
            {
                missing.Push(folder);
            }

            while (missing.TryPop(out var folder))
            {
                Directory.CreateDirectory(folder, PrivateDirectoryMode);
            }
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream>(
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (DirectoryNotFoundException e)
        {
            // The contract's one "missing" exception, whichever part of the path is absent.
            throw new FileNotFoundException("Nothing is stored under this key.", path, e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (Directory.Exists(Path.GetDirectoryName(path)))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public string? TryGetPhysicalPath(string key) => PathOf(key);

    /// <summary>Local goods are always served by the app (zero-copy or X-Accel-Redirect): never a redirect.</summary>
    public Task<Uri?> GetDownloadRedirectAsync(string key, string contentType, string contentDisposition, CancellationToken cancellationToken) =>
        Task.FromResult<Uri?>(null);

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
