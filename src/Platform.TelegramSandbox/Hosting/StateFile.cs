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
            bytes = JsonSerializer.SerializeToUtf8Bytes(store.Data, Options);
            store.Dirty = false;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, Path.GetFileName(path) + ".tmp");
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
    }
}
