using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Core.Tenancy;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The store's dashboard. The tenant comes from the route and the claim (the middleware checked they agree). Bots whose
/// withdrawable Stars reached the withdrawal minimum get a notice linking to the Balance page (read live from the ledger).
/// </summary>
public sealed class IndexModel(ITenantContextAccessor tenant, PlatformDbContext db, BalanceReader balances) : PageModel
{
    public TenantInfo Store { get; private set; } = default!;

    public int MemberCount { get; private set; }

    /// <summary>Bots whose withdrawable Stars are at or above the minimum now.</summary>
    public IReadOnlyList<BotBalance> Withdrawable { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Store = tenant.Tenant ?? throw new InvalidOperationException("The store pages need a resolved store.");
        MemberCount = await db.Memberships.CountAsync(cancellationToken);
        Withdrawable = [.. (await balances.ForStoreAsync(cancellationToken)).Where(b => b.MinimumReached)];
    }
}
