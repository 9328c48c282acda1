using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Identity;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The owner's list of machine clients. Creating one answers with the page itself (not a redirect) so the
/// secret is shown exactly once and never travels through a URL, TempData or a later GET.
/// </summary>
[Authorize(Policy = PortalPolicies.StoreOwner)]
public sealed class ApiClientsModel(ApiClientService clients) : PageModel
{
    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public string? CreatedClientId { get; private set; }

    public string? CreatedClientSecret { get; private set; }

    /// <summary>The result of a revoke (the secret never goes through TempData; this is only a message).</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Clients = await clients.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var result = await clients.CreateAsync(Name, userId, cancellationToken);
        if (result.Succeeded)
        {
            CreatedClientId = result.Value.Client.ClientId;
            CreatedClientSecret = result.Value.ClientSecret;
            Name = null;
            ModelState.Clear();
            Response.Headers.CacheControl = "no-store"; // the secret must not be kept by a browser or proxy cache
        }
        else
        {
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }

        Clients = await clients.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await clients.RevokeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = "The API client was revoked; its tokens no longer work.";
        return RedirectToPage();
    }
}
