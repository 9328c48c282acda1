using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The store's dashboard: sales today, 7 and 30 days, the daily sales chart, recent orders, best sellers and the setup
/// checklist (all read by <see cref="StoreDashboardReader"/>), plus the store's facts and a notice per bot whose
/// withdrawable Stars reached the withdrawal minimum (read live from the ledger). The tenant comes from the route and the
/// claim (the middleware checked they agree). Staff see it too; links to owner-only pages show as text for them.
/// </summary>
public sealed class IndexModel(
    ITenantContextAccessor tenant,
    PlatformDbContext db,
    BalanceReader balances,
    StoreDashboardReader dashboard,
    IAuthorizationService authorization) : PageModel
{
    public TenantInfo Store { get; private set; } = default!;

    public int MemberCount { get; private set; }

    /// <summary>Bots whose withdrawable Stars are at or above the minimum now.</summary>
    public IReadOnlyList<BotBalance> Withdrawable { get; private set; } = [];

    public StoreDashboard Dashboard { get; private set; } = default!;

    /// <summary>The daily sales chart: Stars paid above the line, refunded below, one bar group per UTC day.</summary>
    public BalanceChart Chart { get; private set; } = default!;

    /// <summary>Owners get links to the owner-only pages (Bots); staff get the same words as text.</summary>
    public bool IsOwner { get; private set; }

    public string BasePath => $"/stores/{Store.Slug}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Store = tenant.Tenant ?? throw new InvalidOperationException("The store pages need a resolved store.");
        MemberCount = await db.Memberships.CountAsync(cancellationToken);
        Withdrawable = [.. (await balances.ForStoreAsync(cancellationToken)).Where(b => b.MinimumReached)];
        Dashboard = await dashboard.ReadAsync(cancellationToken);
        Chart = new BalanceChart([.. Dashboard.Days.Select(d => (d.Day, (decimal)d.PaidStars, (decimal)d.RefundedStars))]);
        IsOwner = (await authorization.AuthorizeAsync(User, PortalPolicies.StoreOwner)).Succeeded;
    }

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Signed Stars with a real minus sign, as the figures show a net loss.</summary>
    public static string Net(long value) => value < 0 ? "−" + Number(-value) : Number(value);

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
