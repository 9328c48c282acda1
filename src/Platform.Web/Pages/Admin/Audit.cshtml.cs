using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Administration;

namespace Platform.Web.Pages.Admin;

/// <summary>
/// The platform admins' audit log (docs/admin.md, "Audit"): every store view and change, newest first, 50 a page,
/// optionally for one store (<c>?store={id}</c>; a value that is not an id is ignored).
/// </summary>
public sealed class AuditModel(AdminAuditReader audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "store")] public string? StoreText { get; set; }

    /// <summary>From <c>?page=</c>, read by hand: Razor Pages keeps its own "page" route value (the page's path) under that name.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
        out var page) ? page : 0;

    public Guid? StoreId => Guid.TryParse(StoreText, out var id) ? id : null;

    public AdminAuditPage Result { get; private set; } = new([], 0, false);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await audit.ListAsync(StoreId, PageNumber, AdminAuditPage.PageSize, cancellationToken);

    public string PageLink(int page) =>
        "/admin/audit" + QueryString.Create(new Dictionary<string, string?>
        {
            ["store"] = StoreId?.ToString(),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
