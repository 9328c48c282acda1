using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Files;

/// <summary>
/// Stores an uploaded file of the current tenant: streams it to <see cref="IFileStorage"/> while hashing and sniffing,
/// then records a <see cref="StoredFile"/>. Used by the portal, the API and the storefront image upload.
/// </summary>
public sealed class FileUploadService(PlatformDbContext db, IFileStorage storage, IFileUsage usage, IOptions<FileStorageOptions> options, TimeProvider time)
{
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <exception cref="FileTooLargeException">More than <see cref="MaxUploadBytes"/> bytes arrived; nothing is kept.</exception>
    public async Task<StoredFile> SaveAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("Uploads need a tenant scope.");
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var idText = id.ToString("N");
        // Fan out by the last two hex digits (random part of a v7 id) so no folder grows without bound.
        var key = $"{tenantId:N}/{idText[^2..]}/{idText}";
        await using var capture = new UploadCaptureStream(content, MaxUploadBytes);
        try
        {
            await storage.WriteAsync(key, capture, cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        var file = new StoredFile
        {
            Id = id,
            FileName = FileNames.Sanitise(fileName),
            ContentType = ContentSniffer.Sniff(capture.Head),
            Length = capture.BytesRead,
            Sha256 = capture.Sha256Hex(),
            StorageKey = key,
            CreatedAt = now,
        };
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(CancellationToken cancellationToken) =>
        await db.StoredFiles.AsNoTracking().OrderByDescending(f => f.CreatedAt).ToListAsync(cancellationToken);

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>Deletes a file nothing refers to. Returns an error message when a product still uses it (<see cref="IFileUsage"/>).</summary>
    public async Task<string?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null)
        {
            return "That file does not exist.";
        }

        if (await usage.ReleaseAsync(id, cancellationToken) is { } kept)
        {
            return kept;
        }

        db.StoredFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteAsync(file.StorageKey, cancellationToken);
        return null;
    }
}
