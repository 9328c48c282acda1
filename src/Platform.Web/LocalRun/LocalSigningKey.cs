using System.Security.Cryptography;

namespace Platform.Web.LocalRun;

/// <summary>
/// The local run's download-link signing key, kept in the git-ignored <c>.data</c> folder next to its database: without
/// it Development signs with a random key per process, and every link a buyer got in an earlier run answers 403
/// "tampered" after a restart. Never used outside Development (elsewhere <c>Downloads:SigningKey</c> is required).
/// </summary>
internal static class LocalSigningKey
{
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } saved)
        {
            return saved;
        }

        Platform.Core.Files.LocalFileStorage.CreatePrivateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
