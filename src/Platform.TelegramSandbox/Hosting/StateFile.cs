using System.Text.Json;
using Platform.TelegramSandbox.Model;
using Telegram.Bot;

namespace Platform.TelegramSandbox.Hosting;

/// <summary>Saves and loads the whole sandbox state as one JSON document (written atomically).</summary>
internal static class StateFile
{
    private static readonly JsonSerializerOptions Options = new(JsonBotAPI.Options) { WriteIndented = false };

    public static SandboxData? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<SandboxData>(File.ReadAllBytes(path), Options) : null;

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
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, Path.GetFileName(path) + ".tmp");
            await File.WriteAllBytesAsync(temp, bytes, ct);
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
