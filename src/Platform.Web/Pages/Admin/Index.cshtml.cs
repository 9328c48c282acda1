using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Web.Pages.Admin;

/// <summary>Platform admin home (the folder convention requires the PlatformAdmin role). Filled by a later issue.</summary>
public sealed class IndexModel(CrossTenantReaderFactory readers) : PageModel
{
    public int StoreCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        StoreCount = await db.Tenants.CountAsync(cancellationToken);
    }
}
