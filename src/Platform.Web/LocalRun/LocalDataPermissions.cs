using Platform.Core.Files;

namespace Platform.Web.LocalRun;

/// <summary>
/// The local run's <c>.data</c> folder holds every tenant's stored goods, the sandbox's bot tokens and the link-signing
/// key. Files are created private now (0600, folders 0700), but a tree made by an older version is world-readable:
/// at start, on Unix, the folder and everything in it become owner-only (the folder itself 0711 when run as root, see
/// below). PostgreSQL's own data folder is left to PostgreSQL (it already insists on 0700).
/// </summary>
public static class LocalDataPermissions
{
    public static void Tighten(string dataFolder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(dataFolder))
        {
            return;
        }

        // Run as root, the local PostgreSQL server runs as the 'postgres' user and must pass through .data to reach its
        // own folder (else the cluster is moved elsewhere and the data left behind): others may traverse, never list.
        File.SetUnixFileMode(dataFolder, Environment.IsPrivilegedProcess
            ? LocalFileStorage.PrivateDirectoryMode | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute
            : LocalFileStorage.PrivateDirectoryMode);
        foreach (var entry in new DirectoryInfo(dataFolder).EnumerateFileSystemInfos())
        {
            if (entry.Name != "postgres")
            {
                TightenTree(entry);
            }
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TightenTree(FileSystemInfo entry)
    {
        if (entry.LinkTarget is not null)
        {
            return; // never follow a link out of the tree
        }

        if (entry is DirectoryInfo directory)
        {
            directory.UnixFileMode = LocalFileStorage.PrivateDirectoryMode;
            foreach (var child in directory.EnumerateFileSystemInfos())
            {
                TightenTree(child);
            }
        }
        else
        {
            entry.UnixFileMode = LocalFileStorage.PrivateFileMode;
        }
    }
}
