using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;
using Platform.Core.Orders;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>
/// Orders of the store, newest first, filtered by status, product, customer and date (GET form, so links can be shared),
/// with totals over the whole filtered set, a CSV of it (<see cref="CsvModel"/>) and pages as <c>?p=2</c>.
/// </summary>
public sealed class IndexModel(OrderReader orders, ProductService products) : PageModel
{
    [BindProperty(SupportsGet = true)] public OrderStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ProductId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Customer { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>The page, 1-based (<c>?p=</c>): Razor Pages keeps <c>page</c> as a route value, so <c>?page=</c> never bound.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public OrderPage Result { get; private set; } = new([], 0, OrderFilter.DefaultPageSize, 0);
    public OrderTotals Totals { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<ProductListItem> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Products = await products.ListAsync(null, cancellationToken);
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
            return;
        }

        var filter = OrderQuery.Filter(Status, ProductId, Customer, From, To, Math.Max(PageNumber, 1) - 1);
        Totals = await orders.TotalsAsync(filter, cancellationToken);
        Result = await orders.ListAsync(filter, cancellationToken);
    }

    /// <summary>The link to page <paramref name="page"/> (0-based, as <see cref="OrderPage.Page"/>) with the same filters.</summary>
    public string PageLink(int page) => OrderQuery.Of(Status, ProductId, Customer, From, To, page + 1);

    /// <summary>The CSV of the same filters (every page).</summary>
    public string CsvQuery => OrderQuery.Of(Status, ProductId, Customer, From, To);
}
