using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Administration;
using Platform.Core.Common;
using Platform.Core.Tenancy;
using Platform.Web.Admin;

namespace Platform.Web.Pages.Admin;

/// <summary>
/// One store for a platform admin (docs/admin.md, "Stores"): its name and status at once; its data only after the
/// admin types a reason, which writes a ViewedStore audit row whose id (<c>?view=</c>) covers further loads for 30
/// minutes (this admin, this store). Suspend, reactivate, freeze and unfreeze are POST forms with a reason through
/// <see cref="TenantAdministration"/>. Viewing and acting need a recent sign-in (<see cref="AdminReauthentication"/>).
/// </summary>
public sealed class StoreModel(
    StoreViewReader reader, AdminAuditReader audit, TenantAdministration administration, AdminReauthentication reauth) : PageModel
{
    public const int AuditRows = 50;

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        ["suspended"] = "The store is suspended; its owners were emailed.",
        ["reactivated"] = "The store is active again; its owners were emailed.",
        ["frozen"] = "The store's deliveries are frozen; its owners were emailed.",
        ["unfrozen"] = "The store's deliveries work again; its owners were emailed.",
    };

    [FromRoute] public Guid TenantId { get; set; }
    [BindProperty(SupportsGet = true, Name = "view")] public Guid? ViewId { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool FreezeDeliveries { get; set; }

    public Tenant? Store { get; private set; }
    public StoreView? View { get; private set; }
    public AdminAuditPage Audit { get; private set; } = new([], 0, false);

    /// <summary>Which form was posted ("view", "suspend", …), so its error shows next to it.</summary>
    public string? PostedForm { get; private set; }
    public string? FormError { get; private set; }
    public string? Outcome => Done is not null && Outcomes.TryGetValue(Done, out var text) ? text : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostViewAsync(CancellationToken cancellationToken)
    {
        if (!reauth.IsRecent(User))
        {
            return Redirect(AdminReauthentication.RedirectFor(Here(null)));
        }

        var admin = AdminReauthentication.ActorOf(User);
        var result = await administration.RecordViewAsync(TenantId, admin, Reason, "overview", cancellationToken);
        if (!result.Succeeded)
        {
            return await RefusedAsync("view", result.Failure!, cancellationToken);
        }

        var grant = await reader.LatestGrantAsync(admin.UserId, TenantId, cancellationToken);
        return Redirect(Here(grant));
    }

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) =>
        ActAsync("suspend", "suspended", (admin, ct) => administration.SuspendAsync(TenantId, admin, Reason, FreezeDeliveries, ct), cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken) =>
        ActAsync("reactivate", "reactivated", (admin, ct) => administration.ReactivateAsync(TenantId, admin, Reason, ct), cancellationToken);

    public Task<IActionResult> OnPostFreezeAsync(CancellationToken cancellationToken) =>
        ActAsync("freeze", "frozen", (admin, ct) => administration.SetDeliveriesFrozenAsync(TenantId, admin, Reason, true, ct), cancellationToken);

    public Task<IActionResult> OnPostUnfreezeAsync(CancellationToken cancellationToken) =>
        ActAsync("unfreeze", "unfrozen", (admin, ct) => administration.SetDeliveriesFrozenAsync(TenantId, admin, Reason, false, ct), cancellationToken);

    public string Here(Guid? view, string? done = null) =>
        $"/admin/stores/{TenantId}" + QueryString.Create(new Dictionary<string, string?> { ["view"] = view?.ToString(), ["done"] = done }
            .Where(p => p.Value is not null)).ToUriComponent();

    private async Task<IActionResult> ActAsync(
        string form, string done, Func<AdminActor, CancellationToken, Task<Result<TenantInfo>>> action, CancellationToken cancellationToken)
    {
        if (!reauth.IsRecent(User))
        {
            return Redirect(AdminReauthentication.RedirectFor(Here(ViewId)));
        }

        var result = await action(AdminReauthentication.ActorOf(User), cancellationToken);
        return result.Succeeded ? Redirect(Here(ViewId, done)) : await RefusedAsync(form, result.Failure!, cancellationToken);
    }

    /// <summary>A refusal is shown in the form that was posted (200, nothing changed); a store that is gone is a 404.</summary>
    private async Task<IActionResult> RefusedAsync(string form, Failure failure, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.NotFound || !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        PostedForm = form;
        FormError = failure.Errors.SelectMany(e => e.Value).FirstOrDefault() ?? failure.Message;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Store = await reader.FindStoreAsync(TenantId, cancellationToken);
        if (Store is null)
        {
            return false;
        }

        if (ViewId is { } view && await reader.IsGrantedAsync(view, AdminReauthentication.ActorOf(User).UserId, TenantId, cancellationToken))
        {
            View = await reader.ReadAsync(TenantId, cancellationToken);
            Audit = await audit.ListAsync(TenantId, 0, AuditRows, cancellationToken);
        }
        else
        {
            ViewId = null;
        }

        return true;
    }
}
