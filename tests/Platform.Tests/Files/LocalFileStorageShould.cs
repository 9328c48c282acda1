using Microsoft.Extensions.Options;
using Platform.Core.Files;

namespace Platform.Tests.Files;

/// <summary>The storage contract on local disk (the default provider), in a temporary folder.</summary>
public sealed class LocalFileStorageShould : FileStorageContract, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "starfront-local-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly LocalFileStorage storage;

    public LocalFileStorageShould() => storage = new LocalFileStorage(Options.Create(new FileStorageOptions { Root = root }));

    protected override IFileStorage Storage => storage;

    [Fact]
    public async Task Give_its_physical_path_for_zero_copy_sending_and_never_a_redirect()
    {
        var key = NewKey();
        await storage.WriteAsync(key, new StorageUploadStream(Bytes(10)), CancellationToken.None);
        Assert.Equal(Path.Combine(root, key), storage.TryGetPhysicalPath(key));
        Assert.Null(await storage.GetDownloadRedirectAsync(key, "application/pdf", "attachment", CancellationToken.None));
    }

    [Fact]
    public async Task Leave_no_temporary_file_behind_after_a_failed_write()
    {
        var key = NewKey();
        await Assert.ThrowsAsync<IOException>(() => storage.WriteAsync(key, new StorageUploadStream(Bytes(1000), 500), CancellationToken.None));
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
