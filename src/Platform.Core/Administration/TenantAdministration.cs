using Microsoft.EntityFrameworkCore;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Email;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;

namespace Platform.Core.Administration;

/// <summary>
/// A platform admin's changes to a store — suspend, reactivate, freeze or unfreeze its deliveries — and their views of
/// its data. Each change is one transaction: the tenant row, the audit row, the owners' emails and the
/// <see cref="TenantChangeSignals"/> announcement, so every process forgets the old status the moment it commits.
/// A reason is required for every action (docs/admin.md).
/// </summary>
public sealed class TenantAdministration(
    PlatformDbContext db, CrossTenantReaderFactory readers, IEmailSender email, IPublicBaseUrl publicUrl, TimeProvider clock)
{
    public Task<Result<TenantInfo>> SuspendAsync(Guid tenantId, AdminActor admin, string? reason, bool freezeDeliveries, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, admin, reason, AdminAuditAction.Suspended, tenant =>
        {
            if (tenant.Status == TenantStatus.Suspended)
            {
                return false;
            }

            tenant.Status = TenantStatus.Suspended;
            tenant.SuspendedAt = clock.GetUtcNow();
            tenant.SuspensionReason = reason!.Trim();
            tenant.DeliveriesFrozen = freezeDeliveries;
            return true;
        }, freezeDeliveries ? "deliveries frozen" : null, cancellationToken);

    public Task<Result<TenantInfo>> ReactivateAsync(Guid tenantId, AdminActor admin, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, admin, reason, AdminAuditAction.Reactivated, tenant =>
        {
            if (tenant.Status == TenantStatus.Active)
            {
                return false;
            }

            tenant.Status = TenantStatus.Active;
            tenant.SuspendedAt = null;
            tenant.SuspensionReason = null;
            tenant.DeliveriesFrozen = false;
            return true;
        }, null, cancellationToken);

    public Task<Result<TenantInfo>> SetDeliveriesFrozenAsync(
        Guid tenantId, AdminActor admin, string? reason, bool frozen, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, admin, reason, frozen ? AdminAuditAction.FrozeDeliveries : AdminAuditAction.UnfrozeDeliveries, tenant =>
        {
            if (tenant.DeliveriesFrozen == frozen)
            {
                return false;
            }

            tenant.DeliveriesFrozen = frozen;
            return true;
        }, null, cancellationToken);

    /// <summary>Audits a look at a store's data (the read-only store view writes one row per section opened).</summary>
    public async Task<Result<TenantInfo>> RecordViewAsync(Guid tenantId, AdminActor admin, string? reason, string section, CancellationToken cancellationToken)
    {
        if (Reasoned(reason) is { } refusal)
        {
            return refusal;
        }

        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return Failure.NotFound("No such store.");
        }

        db.AdminAuditEntries.Add(Audit(admin, AdminAuditAction.ViewedStore, tenantId, reason!, section));
        await db.SaveChangesAsync(cancellationToken);
        return TenantInfo.From(tenant);
    }

    private async Task<Result<TenantInfo>> ChangeAsync(
        Guid tenantId, AdminActor admin, string? reason, AdminAuditAction action, Func<Tenant, bool> change, string? detail,
        CancellationToken cancellationToken)
    {
        if (Reasoned(reason) is { } refusal)
        {
            return refusal;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tenant = await db.Tenants.FromSql($"""SELECT * FROM "Tenants" WHERE "Id" = {tenantId} FOR UPDATE""").SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return Failure.NotFound("No such store.");
        }

        if (!change(tenant))
        {
            return Failure.Conflict(action switch
            {
                AdminAuditAction.Suspended => "The store is already suspended.",
                AdminAuditAction.Reactivated => "The store is already active.",
                AdminAuditAction.FrozeDeliveries => "The store's deliveries are already frozen.",
                _ => "The store's deliveries are not frozen.",
            });
        }

        if (action == AdminAuditAction.Reactivated)
        {
            await WebhookHold.ReleaseAsync(db, tenantId, clock.GetUtcNow(), cancellationToken); // held time is not failing time
        }

        db.AdminAuditEntries.Add(Audit(admin, action, tenantId, reason!, detail));
        foreach (var owner in await OwnerEmailsAsync(tenantId, cancellationToken))
        {
            var (subject, body) = OwnerEmail(tenant, action, reason!.Trim());
            await email.SendAsync(owner, subject, body, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await TenantChangeSignals.AnnounceAsync(db, tenantId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TenantInfo.From(tenant);
    }

    private static Failure? Reasoned(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? Failure.Invalid("Reason", "Type the reason; it is kept in the audit log.")
        : reason.Trim().Length > AdminAuditEntry.ReasonMaxLength
            ? Failure.Invalid("Reason", $"Keep the reason under {AdminAuditEntry.ReasonMaxLength} characters.")
        : null;

    private AdminAuditEntry Audit(AdminActor admin, AdminAuditAction action, Guid tenantId, string reason, string? detail) => new()
    {
        Id = Guid.CreateVersion7(),
        At = clock.GetUtcNow(),
        AdminUserId = admin.UserId,
        AdminEmail = admin.Email,
        Action = action,
        TenantId = tenantId,
        Reason = reason.Trim(),
        Detail = detail,
    };

    private async Task<List<string>> OwnerEmailsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        return await reader.Memberships.Where(m => m.TenantId == tenantId && m.Role == MembershipRole.Owner)
            .Join(reader.Users, m => m.UserId, u => u.Id, (_, u) => u.Email)
            .Where(e => e != null).Select(e => e!).ToListAsync(cancellationToken);
    }

    private (string Subject, string Body) OwnerEmail(Tenant tenant, AdminAuditAction action, string reason)
    {
        var portal = new Uri(publicUrl.Value, $"stores/{tenant.Slug}");
        return action switch
        {
            AdminAuditAction.Suspended => ($"Your store {tenant.Name} is suspended",
                $"""
                Starfront suspended your store "{tenant.Name}".

                Reason: {reason}

                While it is suspended your bots tell customers the store is unavailable and take no payments, and nothing
                is sent to your webhooks (events are kept and sent once the store is active again). Buyers' earlier
                purchases {(tenant.DeliveriesFrozen ? "cannot be downloaded either" : "stay available to them")}.
                Your portal stays open to read: {portal}

                Reply to this email to talk to us about it.
                """),
            AdminAuditAction.Reactivated => ($"Your store {tenant.Name} is active again",
                $"""
                Starfront reactivated your store "{tenant.Name}". Your bots sell again, and the webhook events kept
                while it was suspended are being sent now.

                Note: {reason}
                Your portal: {portal}
                """),
            AdminAuditAction.FrozeDeliveries => ($"Downloads from your store {tenant.Name} are frozen",
                $"""
                Starfront froze deliveries of your store "{tenant.Name}": buyers cannot download their purchases for now.

                Reason: {reason}
                Your portal: {portal}
                """),
            _ => ($"Downloads from your store {tenant.Name} work again",
                $"""
                Starfront unfroze deliveries of your store "{tenant.Name}": buyers can download their purchases again.

                Note: {reason}
                Your portal: {portal}
                """),
        };
    }
}
