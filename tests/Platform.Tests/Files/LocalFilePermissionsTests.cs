using Microsoft.Extensions.Options;
using Platform.Core.Files;
using Platform.Web.LocalRun;

namespace Platform.Tests.Files;

/// <summary>Stored goods and the local run's secrets belong to the account that runs the platform: no other local user reads them.</summary>
public sealed class LocalFilePermissionsTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;
    private const UnixFileMode Readable = OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private readonly string root = Path.Combine(Path.GetTempPath(), "starfront-perm-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Stored_files_are_written_0600_in_folders_created_0700()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        var storage = new LocalFileStorage(Options.Create(new FileStorageOptions { Root = Path.Combine(root, "files") }));
        using var content = new MemoryStream("%PDF-1.4 secret"u8.ToArray());

        await storage.WriteAsync("tenant-a/file-1", content, CancellationToken.None);

        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(root, "files", "tenant-a", "file-1")));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(root, "files", "tenant-a")));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(root, "files")));
    }

    [Fact]
    public void A_data_folder_left_readable_by_an_older_run_is_made_owner_only_at_start_except_PostgreSQLs_own()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        var data = Path.Combine(root, ".data");
        Directory.CreateDirectory(Path.Combine(data, "files", "tenant-a"));
        Directory.CreateDirectory(Path.Combine(data, "postgres"));
        File.WriteAllText(Path.Combine(data, "files", "tenant-a", "file-1"), "goods");
        File.WriteAllText(Path.Combine(data, "sandbox.json"), "{}");
        File.WriteAllText(Path.Combine(data, "postgres", "PG_VERSION"), "17");
        foreach (var path in new[] { Path.Combine(data, "files", "tenant-a", "file-1"), Path.Combine(data, "sandbox.json"),
            Path.Combine(data, "postgres", "PG_VERSION") })
        {
            File.SetUnixFileMode(path, Readable);
        }

        LocalDataPermissions.Tighten(data);

        // As root the PostgreSQL server (the 'postgres' user) must still pass through to its own folder.
        Assert.Equal(Environment.IsPrivilegedProcess ? OwnerFolder | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : OwnerFolder,
            File.GetUnixFileMode(data));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(data, "files", "tenant-a")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(data, "files", "tenant-a", "file-1")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(data, "sandbox.json")));
        Assert.Equal(Readable, File.GetUnixFileMode(Path.Combine(data, "postgres", "PG_VERSION")));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
