using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;
using Platform.Core.Subscriptions;

namespace Platform.Web.Pages.Stores.Products;

/// <summary>
/// The catalog: every product with kind, price, state badge and key stock; the order here is the order in the bot.
/// Drafts publish in one click (refused with the reason when the product is not ready); published products can go
/// back to draft or be archived.
/// </summary>
public sealed class IndexModel(ProductService products, CategoryService categories, PlanService plans) : PageModel
{
    public IReadOnlyList<ProductListItem> Products { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> CategoryNames { get; private set; } = new Dictionary<Guid, string>();

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Products = await products.ListAsync(null, cancellationToken);
        CategoryNames = (await categories.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
    }

    /// <summary>Moves a product one place up or down in the catalog order.</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, int direction, CancellationToken cancellationToken)
    {
        var ids = (await products.ListAsync(null, cancellationToken)).Select(p => p.Product.Id).ToList();
        var index = ids.IndexOf(id);
        var target = index + Math.Sign(direction);
        if (index >= 0 && target >= 0 && target < ids.Count)
        {
            (ids[index], ids[target]) = (ids[target], ids[index]);
            await products.ReorderAsync(ids, cancellationToken);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await products.GetAsync(id, cancellationToken) is not { Product: var product })
        {
            return NotFound();
        }

        var result = await ProductPublishing.PublishAsync(products, plans, product, cancellationToken);
        if (result.Succeeded)
        {
            Notice = $"“{product.Title}” is published: the bot shows it now.";
        }
        else
        {
            Problem = ProductPublishing.Explain(result, product.Title);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await products.GetAsync(id, cancellationToken) is not { Product: var product })
        {
            return NotFound();
        }

        var result = await ProductPublishing.UnpublishAsync(plans, product, cancellationToken);
        Notice = result.Succeeded ? $"“{product.Title}” is a draft again: the bot no longer shows it." : null;
        Problem = result.Succeeded ? null : $"“{product.Title}” was not changed: " + string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await products.GetAsync(id, cancellationToken) is not { Product: var product })
        {
            return NotFound();
        }

        await products.ArchiveAsync(product.Id, cancellationToken);
        Notice = $"“{product.Title}” is archived: it left the bot's catalog; past buyers keep their downloads, keys and texts.";
        return RedirectToPage();
    }
}
