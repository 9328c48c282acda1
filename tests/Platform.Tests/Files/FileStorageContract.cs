using System.Security.Cryptography;
using Platform.Core.Files;

namespace Platform.Tests.Files;

/// <summary>
/// What every <see cref="IFileStorage"/> promises, run against each implementation (<see cref="LocalFileStorageShould"/>,
/// <see cref="S3FileStorageShould"/>): round trip, overwrite, delete, a missing key, whole-or-nothing writes, large files
/// and seeking for HTTP Range. Sizes cross the S3 tests' 5 MiB multipart threshold and the 1 MiB read window.
/// </summary>
public abstract class FileStorageContract
{
    /// <summary>Above the multipart threshold the S3 tests configure (5 MiB): 20 MB in four parts.</summary>
    protected const int LargeSize = 20 * 1000 * 1000;

    protected abstract IFileStorage Storage { get; }

    protected static string NewKey() => $"{Guid.NewGuid():N}/{Guid.NewGuid().ToString("N")[..2]}/{Guid.NewGuid():N}";

    protected static byte[] Bytes(int length) => RandomNumberGenerator.GetBytes(length);

    protected async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = await Storage.OpenReadAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Written_bytes_read_back_exactly_from_a_seekable_stream_of_their_length()
    {
        var key = NewKey();
        var content = Bytes(300_017);
        await Storage.WriteAsync(key, new StorageUploadStream(content), CancellationToken.None);

        await using var stream = await Storage.OpenReadAsync(key, CancellationToken.None);
        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        Assert.Equal(content, await ReadAllAsync(key));
    }

    [Fact]
    public async Task An_empty_file_is_stored_and_read_as_empty()
    {
        var key = NewKey();
        await Storage.WriteAsync(key, new StorageUploadStream([]), CancellationToken.None);
        Assert.Empty(await ReadAllAsync(key));
    }

    [Fact]
    public async Task Writing_a_key_again_replaces_its_bytes()
    {
        var key = NewKey();
        await Storage.WriteAsync(key, new StorageUploadStream(Bytes(50_000)), CancellationToken.None);
        var second = Bytes(1234);
        await Storage.WriteAsync(key, new StorageUploadStream(second), CancellationToken.None);
        Assert.Equal(second, await ReadAllAsync(key));
    }

    [Fact]
    public async Task A_deleted_key_reads_as_missing_and_deleting_again_is_harmless()
    {
        var key = NewKey();
        await Storage.WriteAsync(key, new StorageUploadStream(Bytes(10)), CancellationToken.None);
        await Storage.DeleteAsync(key, CancellationToken.None);
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.OpenReadAsync(key, CancellationToken.None));
        await Storage.DeleteAsync(key, CancellationToken.None);
    }

    [Fact]
    public async Task A_key_never_written_reads_as_FileNotFoundException_and_deletes_quietly()
    {
        var key = NewKey();
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.OpenReadAsync(key, CancellationToken.None));
        await Storage.DeleteAsync(key, CancellationToken.None);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(12_000_000)] // past the S3 tests' multipart threshold: two parts sent before the failure
    public async Task A_write_that_fails_midway_leaves_no_object_under_the_key(int failAt)
    {
        var key = NewKey();
        await Assert.ThrowsAsync<IOException>(() => Storage.WriteAsync(key, new StorageUploadStream(Bytes(LargeSize), failAt), CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.OpenReadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_write_over_an_existing_key_leaves_the_old_bytes_whole()
    {
        var key = NewKey();
        var old = Bytes(70_000);
        await Storage.WriteAsync(key, new StorageUploadStream(old), CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => Storage.WriteAsync(key, new StorageUploadStream(Bytes(LargeSize), 11_000_000), CancellationToken.None));
        Assert.Equal(old, await ReadAllAsync(key));
    }

    [Fact]
    public async Task A_write_cancelled_midway_leaves_no_object_under_the_key()
    {
        var key = NewKey();
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Storage.WriteAsync(key, new StorageUploadStream(Bytes(LargeSize), 11_000_000, cancel), cancel.Token));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.OpenReadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_file_is_stored_whole()
    {
        var key = NewKey();
        var content = Bytes(LargeSize);
        await Storage.WriteAsync(key, new StorageUploadStream(content), CancellationToken.None);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(await ReadAllAsync(key)));
    }

    [Fact]
    public async Task Seeking_serves_ranges_anywhere_in_the_file_in_any_order()
    {
        var key = NewKey();
        var content = Bytes(3_500_000);
        await Storage.WriteAsync(key, new StorageUploadStream(content), CancellationToken.None);
        await using var stream = await Storage.OpenReadAsync(key, CancellationToken.None);

        foreach (var (from, count) in new[] { (2_000_000, 100), (0, 10), (1_048_570, 20), (3_499_990, 10), (500_000, 2_500_000) })
        {
            stream.Seek(from, SeekOrigin.Begin);
            var read = new byte[count];
            await stream.ReadExactlyAsync(read);
            Assert.Equal(content.AsSpan(from, count).ToArray(), read);
            Assert.Equal(from + count, stream.Position);
        }

        stream.Position = content.Length;
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
        stream.Seek(-5, SeekOrigin.End);
        var tail = new byte[5];
        Assert.Equal(5, stream.Read(tail, 0, 5)); // the synchronous path too
        Assert.Equal(content[^5..], tail);
    }
}
