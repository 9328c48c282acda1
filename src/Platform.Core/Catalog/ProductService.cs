using Microsoft.EntityFrameworkCore;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Files;

namespace Platform.Core.Catalog;

/// <summary>The merchant's catalog management for the current tenant (portal and API). Staff and owners alike.</summary>
public sealed class ProductService(PlatformDbContext db, LicenseKeyPool keys, TimeProvider time)
{
    public async Task<IReadOnlyList<ProductListItem>> ListAsync(ProductState? state, CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking();
        if (state is not null)
        {
            query = query.Where(p => p.State == state);
        }

        var products = await query.OrderBy(p => p.SortOrder).ThenBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var keyProducts = products.Where(p => p.Kind == ProductKind.LicenseKey).Select(p => p.Id).ToList();
        var stock = keyProducts.Count == 0 ? [] : await keys.AvailableCountsAsync(keyProducts, cancellationToken);
        return products.Select(p => new ProductListItem(p, p.Kind == ProductKind.LicenseKey ? stock.GetValueOrDefault(p.Id) : null)).ToList();
    }

    public async Task<ProductListItem?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return null;
        }

        return new ProductListItem(product, product.Kind == ProductKind.LicenseKey ? await keys.AvailableCountAsync(id, cancellationToken) : null);
    }

    public async Task<Result<Product>> CreateAsync(ProductInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var product = new Product
        {
            Id = Guid.CreateVersion7(now),
            Kind = input.Kind ?? (ProductKind)(-1),
            Title = "",
            Description = "",
            State = ProductState.Draft,
            CreatedAt = now,
            SortOrder = await db.Products.Select(p => (int?)p.SortOrder).MaxAsync(cancellationToken) + 1 ?? 0,
        };
        var errors = await ApplyAsync(product, input, cancellationToken);
        if (input.Kind is null)
        {
            errors[nameof(ProductInput.Kind)] = ["Choose file, license key, text or subscription."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        product.UpdatedAt = now;
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return product;
    }

    public async Task<Result<Product>> UpdateAsync(Guid id, ProductInput input, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return Failure.NotFound($"This store has no product {id}.");
        }

        var originalKind = product.Kind;
        var errors = await ApplyAsync(product, input, cancellationToken);
        if (input.Kind is not null && input.Kind != originalKind)
        {
            errors[nameof(ProductInput.Kind)] = ["The kind of a product cannot change after it is created; create a new product instead."];
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear(); // nothing changed
            return Failure.Invalid(errors);
        }

        product.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return product;
    }

    /// <summary>Archived products leave the bot's catalog; paid orders keep their downloads, keys and texts.</summary>
    public Task<Result<Product>> ArchiveAsync(Guid id, CancellationToken cancellationToken) =>
        UpdateAsync(id, new ProductInput { State = ProductState.Archived }, cancellationToken);

    /// <summary>
    /// One-click publish: the rules of saving, plus stock for key products (a key product without available keys
    /// would only answer "sold out"). Subscription plans are published through the Subscriptions module's plan
    /// service instead, which adds the plan's own rules.
    /// </summary>
    public async Task<Result<Product>> PublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var kind = await db.Products.Where(p => p.Id == id).Select(p => (ProductKind?)p.Kind).FirstOrDefaultAsync(cancellationToken);
        if (kind == ProductKind.LicenseKey && await keys.AvailableCountAsync(id, cancellationToken) == 0)
        {
            return Failure.Invalid(new Dictionary<string, string[]>
            {
                ["keys"] = ["A license key product needs keys in stock before it is published. Add keys on its Keys page first."],
            });
        }

        return await UpdateAsync(id, new ProductInput { State = ProductState.Published }, cancellationToken);
    }

    /// <summary>The catalog order: products listed first come first in the bot.</summary>
    public async Task ReorderAsync(IReadOnlyList<Guid> orderedIds, CancellationToken cancellationToken)
    {
        var products = await db.Products.Where(p => orderedIds.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var product in products)
        {
            product.SortOrder = orderedIds.ToList().IndexOf(product.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, string[]>> ApplyAsync(Product product, ProductInput input, CancellationToken cancellationToken)
    {
        product.Kind = input.Kind ?? product.Kind;
        product.Title = input.Title?.Trim() ?? product.Title;
        product.Description = input.Description?.Trim() ?? product.Description;
        product.PriceStars = input.PriceStars ?? product.PriceStars;
        product.State = input.State ?? product.State;
        product.SortOrder = input.SortOrder ?? product.SortOrder;
        product.TextContent = input.TextContent is null ? product.TextContent : input.TextContent.Trim() is { Length: > 0 } text ? text : null;
        product.DownloadLimit = input.DownloadLimit ?? product.DownloadLimit;
        product.CategoryId = Reference(input.CategoryId, product.CategoryId);
        product.PhotoFileId = Reference(input.PhotoFileId, product.PhotoFileId);
        product.FileId = Reference(input.FileId, product.FileId);

        var errors = ProductRules.Validate(product);
        // References are looked up under the tenant filter: another store's ids simply do not exist here.
        if (product.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            errors[nameof(ProductInput.CategoryId)] = ["That category does not exist."];
        }

        if (product.FileId is { } fileId && !await db.StoredFiles.AnyAsync(f => f.Id == fileId, cancellationToken))
        {
            errors[nameof(ProductInput.FileId)] = ["That file does not exist. Upload it on the Files page first."];
        }

        if (product.PhotoFileId is { } photoId)
        {
            var type = await db.StoredFiles.Where(f => f.Id == photoId).Select(f => f.ContentType).FirstOrDefaultAsync(cancellationToken);
            if (type is null || !ContentSniffer.IsImage(type))
            {
                errors[nameof(ProductInput.PhotoFileId)] = ["The photo must be an uploaded PNG, JPEG or GIF image."];
            }
        }

        return errors;
    }

    private static Guid? Reference(Guid? input, Guid? current) => input is null ? current : input == Guid.Empty ? null : input;
}
