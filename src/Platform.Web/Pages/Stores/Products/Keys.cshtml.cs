using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;

namespace Platform.Web.Pages.Stores.Products;

/// <summary>
/// A key product's pool (<c>/products/{id}/keys</c>): every key with its status, added date and the order it went to,
/// counts per status, a status filter and pages of 50 (a pool may hold 10,000 keys); "Export CSV" (members only,
/// like every store page: the keys are secrets) and "Remove" for an available key after a confirmation. The
/// removal itself is conditional in Core, so a key reserved or sold meanwhile — or named by a forged form — stays.
/// </summary>
public sealed class KeysModel(ProductService products, LicenseKeyCatalog catalog, LicenseKeyPool pool) : PageModel
{
    [BindProperty(SupportsGet = true)] public LicenseKeyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [TempData] public string? Notice { get; set; }
    [TempData] public string? Problem { get; set; }

    public Product Product { get; private set; } = null!;
    public int Stock { get; private set; }
    public LicenseKeyPage Keys { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Status is { } s && !Enum.IsDefined(s))
        {
            Status = null;
        }

        Keys = await catalog.PageAsync(Product.Id, Status, PageNumber, LicenseKeyCatalog.DefaultPageSize, cancellationToken);
        return Page();
    }

    /// <summary>The pool as CSV (key, status, added, order), optionally of one status; key texts are guarded against formulas.</summary>
    public async Task<IActionResult> OnGetExportAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var status = Status is { } s && Enum.IsDefined(s) ? s : (LicenseKeyStatus?)null;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"keys-{Product.Id:N}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync("key,status,added_utc,order_id");
        await foreach (var key in catalog.AllAsync(Product.Id, status).WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(",", LedgerCsv.Cell(key.Value), key.Status.DisplayName(),
                key.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), key.OrderId?.ToString() ?? ""));
        }

        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, Guid keyId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await catalog.RemoveAsync(Product.Id, keyId, cancellationToken);
        Notice = outcome == LicenseKeyRemoval.Removed ? "The key was removed from the pool." : null;
        Problem = outcome switch
        {
            LicenseKeyRemoval.NotAvailable =>
                "That key was not removed: it is reserved, sold or revoked, and its order needs it. Only available keys can be removed.",
            LicenseKeyRemoval.NotFound => "That key is not in this product's pool (already removed?).",
            _ => null,
        };
        return Redirect($"/stores/{RouteData.Values["tenant"]}/products/{Product.Id}/keys{Filter(Status, PageNumber)}");
    }

    /// <summary>The query string keeping the status filter and page across links and redirects.</summary>
    public static string Filter(LicenseKeyStatus? status, int page)
    {
        var parts = new List<string>();
        if (status is { } s)
        {
            parts.Add("status=" + s);
        }

        if (page > 1)
        {
            parts.Add("p=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        // Under the tenant filter: another store's product id is simply not found (404).
        if (!Guid.TryParse(id, out var productId) || await products.GetAsync(productId, cancellationToken) is not { Product.Kind: ProductKind.LicenseKey } item)
        {
            return false;
        }

        Product = item.Product;
        Stock = await pool.AvailableCountAsync(productId, cancellationToken);
        return true;
    }
}
