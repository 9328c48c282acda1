using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Administration;
using Platform.Core.Tenancy;

namespace Platform.Web.Pages.Admin;

/// <summary>
/// Every store on the platform, newest first, 50 a page: search over name, slug and owner email, a status filter
/// (docs/admin.md, "Stores"). A GET form, so a list can be linked; values that do not parse are ignored.
/// </summary>
public sealed class StoresModel(StoreListReader stores) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusText { get; set; }

    /// <summary>From <c>?page=</c>, read by hand: Razor Pages keeps its own "page" route value (the page's path) under that name.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
        out var page) ? page : 0;

    public TenantStatus? Status => Enum.TryParse<TenantStatus>(StatusText, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;

    public StoreListPage Result { get; private set; } = new([], 0, false);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = Search?.Trim();
        if (Search?.Length > 200)
        {
            Search = Search[..200];
        }

        Result = await stores.ListAsync(new StoreListQuery(Search, Status, PageNumber), cancellationToken);
    }

    public string PageLink(int page) =>
        "/admin/stores" + QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Search,
            ["status"] = Status?.ToString().ToLowerInvariant(),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
