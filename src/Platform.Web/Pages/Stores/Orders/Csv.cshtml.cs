using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Orders;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>
/// "Download CSV" on the orders list: every order matching the list's filters (all pages), streamed from the database
/// to the response as it is read (<see cref="OrdersCsv"/>). Members may download it, like the list.
/// </summary>
public sealed class CsvModel(OrderReader orders, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public OrderStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ProductId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Customer { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var name = $"orders-{time.GetUtcNow().UtcDateTime:yyyy-MM-dd}.csv";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        Response.Headers.CacheControl = "no-store";
        await OrdersCsv.WriteAsync(Response.Body, orders.Stream(OrderQuery.Filter(Status, ProductId, Customer, From, To)), cancellationToken);
        return new EmptyResult();
    }
}
