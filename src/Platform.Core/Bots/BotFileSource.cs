using Microsoft.Extensions.Configuration;
using Platform.Core.Files;

namespace Platform.Core.Bots;

/// <summary>
/// Reads a stored file's bytes for upload to Telegram. Stand-in until the merchant side's IFileStorage lands on main:
/// local disk under <c>Files:Root</c> (default <c>.data/files</c>), the file at its <see cref="StoredFile.StorageKey"/>.
/// </summary>
public sealed class BotFileSource(IConfiguration configuration)
{
    public string Root => Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine(".data", "files"));

    public Stream OpenRead(StoredFile file)
    {
        var path = Path.GetFullPath(Path.Combine(Root, file.StorageKey));
        if (!path.StartsWith(Root, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A storage key points outside the file root.");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }
}
