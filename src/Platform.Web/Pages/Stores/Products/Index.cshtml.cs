using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;

namespace Platform.Web.Pages.Stores.Products;

/// <summary>The catalog: every product with kind, price, state and key stock; the order here is the order in the bot.</summary>
public sealed class IndexModel(ProductService products, CategoryService categories) : PageModel
{
    public IReadOnlyList<ProductListItem> Products { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> CategoryNames { get; private set; } = new Dictionary<Guid, string>();

    [TempData]
    public string? Notice { get; set; }

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
}
