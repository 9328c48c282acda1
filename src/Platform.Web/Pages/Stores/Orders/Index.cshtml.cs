using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;
using Platform.Core.Orders;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>Orders of the store, newest first, filtered by status, product, customer and date (GET form, so links can be shared).</summary>
public sealed class IndexModel(OrderReader orders, ProductService products) : PageModel
{
    [BindProperty(SupportsGet = true)] public OrderStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ProductId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Customer { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; }

    public OrderPage Result { get; private set; } = new([], 0, OrderFilter.DefaultPageSize, 0);
    public IReadOnlyList<ProductListItem> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Products = await products.ListAsync(null, cancellationToken);
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
            return;
        }

        // Dates are whole UTC days: "to" includes its day.
        Result = await orders.ListAsync(new OrderFilter
        {
            Status = Status,
            ProductId = ProductId,
            Customer = Customer,
            Page = Math.Max(PageNumber, 0),
            From = From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            To = To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        }, cancellationToken);
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Status"] = Status?.ToString(),
            ["ProductId"] = ProductId?.ToString(),
            ["Customer"] = Customer,
            ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
