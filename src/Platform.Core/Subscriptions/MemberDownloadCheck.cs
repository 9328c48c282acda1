using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The download endpoint's extra check for a plan's charge (an order with a SubscriptionId): its <c>/d/</c> links
/// serve the files of products the plan grants, and only while the membership grants access. One indexed lookup
/// (membership by key, its plan's grants by plan), made only for such orders, so ordinary downloads pay nothing.
/// </summary>
public sealed class MemberDownloadCheck(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Null when the membership does not exist (in this tenant).</summary>
    public async Task<MemberDownload?> FindAsync(Guid subscriptionId, Guid fileId, CancellationToken cancellationToken)
    {
        var row = await db.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId)
            .Select(s => new
            {
                s.Status,
                s.AccessEndsAt,
                Limit = (
                    from g in db.PlanGrants
                    where g.PlanId == s.PlanId && g.Kind == PlanGrantKind.Product
                    from p in db.Products
                    where p.Id == g.ProductId && p.FileId == fileId
                    select (int?)p.DownloadLimit).FirstOrDefault(),
            }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new MemberDownload(MembershipAccess.IsOpen(row.Status, row.AccessEndsAt, time.GetUtcNow()), row.Limit);
    }
}
