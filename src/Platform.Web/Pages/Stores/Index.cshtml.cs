using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Web.Pages.Stores;

/// <summary>The store's dashboard. The tenant comes from the route and the claim (the middleware checked they agree).</summary>
public sealed class IndexModel(ITenantContextAccessor tenant, PlatformDbContext db) : PageModel
{
    public TenantInfo Store { get; private set; } = default!;

    public int MemberCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Store = tenant.Tenant ?? throw new InvalidOperationException("The store pages need a resolved store.");
        MemberCount = await db.Memberships.CountAsync(cancellationToken);
    }
}
