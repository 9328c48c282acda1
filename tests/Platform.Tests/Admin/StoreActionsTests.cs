using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Administration;
using Platform.Core.Tenancy;
using Platform.Tests.Portal;

namespace Platform.Tests.Admin;

/// <summary>
/// The admin's store view and actions over HTTP: no store data before a reason, the reason audited and covering later
/// loads for this admin only and for 30 minutes; suspend, reactivate and freeze change the tenant row, write the audit
/// row and email the owner; refusals show in the form and change nothing.
/// </summary>
public sealed class StoreActionsTests(StoresAdminAppFactory app) : IClassFixture<StoresAdminAppFactory>
{
    [Fact]
    public async Task The_store_view_shows_no_data_until_a_reason_is_typed_and_the_reason_is_audited_for_this_admin_only()
    {
        var (tenant, _) = await app.NewStoreAsync("Viewed");
        await app.NewBotAsync(tenant, "viewed_store_bot");
        var adminEmail = await app.NewAdminAsync();
        using var admin = await app.AdminClientAsync(adminEmail);
        var path = $"/admin/stores/{tenant.Id}";

        var (status, page) = await admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(tenant.Slug, page.QuerySelector("#store-slug")!.TextContent);
        Assert.NotNull(page.QuerySelector("#view-form"));
        Assert.Null(page.QuerySelector("#store-bots"));

        using (var refused = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "   " }, "#view-form"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var form = await PortalClient.ParseAsync(refused);
            Assert.Contains("Type the reason", PortalClient.FieldError(form, "Reason"));
            Assert.Null(form.QuerySelector("#store-bots"));
        }

        Assert.Equal(0, await AuditCountAsync(tenant.Id));
        using var shown = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Ticket 4711: buyer complaint" }, "#view-form");
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        var granted = shown.Headers.Location!.OriginalString;
        Assert.StartsWith($"{path}?view=", granted);
        var entry = await app.ReadAsync(db => db.AdminAuditEntries.SingleAsync(e => e.TenantId == tenant.Id));
        Assert.Equal((AdminAuditAction.ViewedStore, "Ticket 4711: buyer complaint", "overview", adminEmail),
            (entry.Action, entry.Reason, entry.Detail, entry.AdminEmail));
        Assert.EndsWith(entry.Id.ToString(), granted);

        var (_, view) = await admin.GetAsync(granted);
        Assert.Contains("@viewed_store_bot", view.QuerySelector("#store-bots")!.TextContent);
        Assert.NotNull(view.QuerySelector("#store-ledger"));
        Assert.Contains("Ticket 4711", view.QuerySelector(".audit-log")!.TextContent);
        Assert.DoesNotContain("secret-token-ciphertext", view.DocumentElement.OuterHtml);

        using var otherAdmin = await app.AdminClientAsync(await app.NewAdminAsync());
        Assert.Null((await otherAdmin.GetAsync(granted)).Page.QuerySelector("#store-bots"));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null((await admin.GetAsync(granted)).Page.QuerySelector("#store-bots"));
        Assert.Equal(1, await AuditCountAsync(tenant.Id));
    }

    [Fact]
    public async Task Suspending_writes_the_tenant_the_audit_row_and_the_owner_email_and_reactivating_undoes_it()
    {
        var (tenant, ownerEmail) = await app.NewStoreAsync("Suspended");
        using var admin = await app.AdminClientAsync(await app.NewAdminAsync());
        var path = $"/admin/stores/{tenant.Id}";

        using (var empty = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "" }, "#suspend-form"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Type the reason", PortalClient.FieldError(await PortalClient.ParseAsync(empty), "Reason"));
            Assert.Equal(TenantStatus.Active, (await TenantAsync(tenant.Id)).Status);
        }

        using (var suspended = await admin.SubmitAsync(path,
            new Dictionary<string, string> { ["Reason"] = "Selling stolen keys", ["FreezeDeliveries"] = "true" }, "#suspend-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
            Assert.Equal($"{path}?done=suspended", suspended.Headers.Location!.OriginalString);
        }

        var row = await TenantAsync(tenant.Id);
        Assert.Equal((TenantStatus.Suspended, true, "Selling stolen keys"), (row.Status, row.DeliveriesFrozen, row.SuspensionReason));
        var audit = await app.ReadAsync(db => db.AdminAuditEntries.Where(e => e.TenantId == tenant.Id).ToListAsync());
        Assert.Equal(AdminAuditAction.Suspended, Assert.Single(audit).Action);
        var mail = await app.ReadAsync(db => db.EmailMessages.Where(m => m.To == ownerEmail && m.Subject.Contains("suspended")).ToListAsync());
        Assert.Contains("Selling stolen keys", Assert.Single(mail).Body);

        var (_, page) = await admin.GetAsync($"{path}?done=suspended");
        Assert.Contains("Suspended", page.QuerySelector("#store-status")!.TextContent);
        Assert.Equal("Selling stolen keys", page.QuerySelector("#suspension-reason")!.TextContent);
        Assert.Contains("suspended", page.QuerySelector("#outcome")!.TextContent);

        // Suspending twice is refused in the page (a stale form), nothing written.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var twice = await admin.Http.PostAsync($"{path}?handler=Suspend",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "again" })))
        {
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
            Assert.Contains("already suspended", (await PortalClient.ParseAsync(twice)).QuerySelector("#form-error")!.TextContent);
        }

        Assert.Equal(1, await AuditCountAsync(tenant.Id));
        var reason = new Dictionary<string, string> { ["Reason"] = "Keys were the merchant's own" };
        using (var reactivated = await admin.SubmitAsync(path, reason, "#reactivate-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        }

        row = await TenantAsync(tenant.Id);
        Assert.Equal((TenantStatus.Active, false, null), (row.Status, row.DeliveriesFrozen, row.SuspensionReason));
        Assert.Equal(2, await AuditCountAsync(tenant.Id));
        Assert.Equal(1, await app.ReadAsync(db => db.EmailMessages.CountAsync(m => m.To == ownerEmail && m.Subject.Contains("active again"))));

        using (var frozen = await admin.SubmitAsync(path, new Dictionary<string, string> { ["Reason"] = "Chargeback wave" }, "#freeze-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        }

        Assert.True((await TenantAsync(tenant.Id)).DeliveriesFrozen);
        var (_, audited) = await admin.GetAsync($"/admin/audit?store={tenant.Id}");
        var actions = audited.QuerySelectorAll(".audit-log td.action").Select(td => td.TextContent).ToList();
        Assert.Equal(["FrozeDeliveries", "Reactivated", "Suspended"], actions);
    }

    private Task<Tenant> TenantAsync(Guid id) => app.ReadAsync(db => db.Tenants.SingleAsync(t => t.Id == id));

    private Task<int> AuditCountAsync(Guid tenantId) => app.ReadAsync(db => db.AdminAuditEntries.CountAsync(e => e.TenantId == tenantId));
}
