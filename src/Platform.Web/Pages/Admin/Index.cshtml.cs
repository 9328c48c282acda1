using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Ledger;

namespace Platform.Web.Pages.Admin;

/// <summary>
/// Platform admin home (the folder convention requires the PlatformAdmin role): the store count and the open
/// reconciliation mismatches across stores (docs/ledger.md). The full dashboard is a later issue.
/// </summary>
public sealed class IndexModel(CrossTenantReaderFactory readers, LedgerMismatchReader mismatches) : PageModel
{
    public int StoreCount { get; private set; }

    public int OpenMismatches { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        StoreCount = await db.Tenants.CountAsync(cancellationToken);
        OpenMismatches = await mismatches.CountOpenAcrossStoresAsync(cancellationToken);
    }
}
