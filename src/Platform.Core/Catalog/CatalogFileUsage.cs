using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Files;

namespace Platform.Core.Catalog;

/// <summary>The catalog's hold on stored files: a product's goods keep their file; photos and the welcome image let go.</summary>
public sealed class CatalogFileUsage(PlatformDbContext db) : IFileUsage
{
    public async Task<string?> ReleaseAsync(Guid fileId, CancellationToken cancellationToken)
    {
        // Past buyers may still download it: a file that is or was a product's goods stays.
        if (await db.Products.AnyAsync(p => p.FileId == fileId, cancellationToken))
        {
            return "A product delivers this file; it is kept so buyers can still download it.";
        }

        await db.Products.Where(p => p.PhotoFileId == fileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PhotoFileId, (Guid?)null), cancellationToken);
        await db.StoreSettings.Where(s => s.WelcomeImageFileId == fileId).ExecuteUpdateAsync(s => s.SetProperty(x => x.WelcomeImageFileId, (Guid?)null),
            cancellationToken);
        return null;
    }
}
