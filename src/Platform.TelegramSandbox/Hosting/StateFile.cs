using System.Text.Json;
using Platform.TelegramSandbox.Model;
using Telegram.Bot;

namespace Platform.TelegramSandbox.Hosting;

/// <summary>
/// Saves and loads the whole sandbox state as one JSON document (written atomically). It holds every bot's token, so on
/// Unix it is written 0600 in a folder created 0700, and a file an older version left readable is made 0600 on load.
/// </summary>
internal static class StateFile
{
    private static readonly JsonSerializerOptions Options = new(JsonBotAPI.Options) { WriteIndented = false };

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static SandboxData? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }

        return JsonSerializer.Deserialize<SandboxData>(File.ReadAllBytes(path), Options);
    }

    /// <summary>Serialises under the lock (a consistent snapshot), writes outside it.</summary>
    public static async Task SaveAsync(SandboxStore store, string path, CancellationToken ct)
    {
        byte[] bytes;
        lock (store.Sync)
        {
            if (!store.Dirty) return;
            store.Data.SavedAt = store.Now;
            bytes = JsonSerializer.SerializeToUtf8Bytes(store.Data, Options);
            store.Dirty = false;
        }
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var temp = Path.Combine(directory, Path.GetFileName(path) + ".tmp");
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
                await File.WriteAllBytesAsync(temp, bytes, ct);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerOnlyFile | UnixFileMode.UserExecute);
                var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile };
                await using (var file = new FileStream(temp, options))
                {
                    await file.WriteAsync(bytes, ct);
                }

                // A .tmp left by an older version keeps its mode when truncated: make sure.
                File.SetUnixFileMode(temp, OwnerOnlyFile);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // Not written: the next save must not think it is up to date.
            lock (store.Sync) store.Dirty = true;
            throw;
        }
    }
}
