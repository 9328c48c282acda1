using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Tenancy;
using Platform.Web.Portal;
using Platform.Web.Tenancy;

namespace Platform.Web.Pages;

/// <summary>
/// <c>/error/{status}</c>: what a browser sees for an unknown URL, a refusal, too many attempts or a failure on our
/// side — in the portal's layout, in plain words, never with exception details, and always with a way back. The
/// status pages and the exception handler re-execute the original request here (any method, so no antiforgery).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(StoreDirectory directory, ITenantContextAccessor tenant) : PageModel
{
    public int Status { get; private set; }

    /// <summary>Where "back" goes: the store the user works in, their store list, or the start page.</summary>
    public string HomeHref { get; private set; } = "/";

    public string HomeText { get; private set; } = "Back to the start";

    /// <summary>The address that failed, when it is worth trying again (429); a local path, never a foreign URL.</summary>
    public string? RetryHref { get; private set; }

    /// <summary>Set when the page belongs to another store the user is a member of: offer to switch there.</summary>
    public UserStore? SwitchTo { get; private set; }

    public string? SwitchReturnPath { get; private set; }

    public bool StoreMismatch { get; private set; }

    /// <summary>Set when a change to a suspended store was refused (<see cref="SuspendedStoreGuard"/>).</summary>
    public StoreSuspendedFeature? Suspended { get; private set; }

    public Task OnGetAsync(int status, CancellationToken cancellationToken) => ShowAsync(status, cancellationToken);

    public Task OnPostAsync(int status, CancellationToken cancellationToken) => ShowAsync(status, cancellationToken);

    private async Task ShowAsync(int status, CancellationToken cancellationToken)
    {
        Status = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        var userId = PortalUser.IdOf(User);
        if (tenant.Tenant is { } store)
        {
            (HomeHref, HomeText) = ($"/stores/{store.Slug}", $"Back to {store.Name}");
        }
        else if (userId is not null)
        {
            (HomeHref, HomeText) = ("/stores/switch", "Back to your stores");
        }

        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var retry = original is null ? null : original.OriginalPathBase + original.OriginalPath;
        if (Status == StatusCodes.Status429TooManyRequests && Url.IsLocalUrl(retry))
        {
            RetryHref = retry; // never "//host/…": a request path can start with two slashes
        }

        Suspended = HttpContext.Features.Get<StoreSuspendedFeature>();
        if (HttpContext.Features.Get<StoreMismatchFeature>() is { } mismatch && userId is not null)
        {
            StoreMismatch = true;
            SwitchTo = await directory.FindForUserAsync(userId.Value, mismatch.Slug, cancellationToken);
            SwitchReturnPath = mismatch.ReturnPath;
        }
    }
}
