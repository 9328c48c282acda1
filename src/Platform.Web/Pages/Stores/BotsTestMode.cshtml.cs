using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Identity;
using Platform.Web.TestMode;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// Test mode's one action (docs/test-mode.md): the owner's POST makes or finds the store's test bot and buyer in the
/// sandbox and redirects to the sandbox chat page. Owner-only like the Bots page, since it registers a bot. The GET
/// explains it (and is where a failure is shown); without a sandbox both say so, and the POST answers 404.
/// </summary>
[Authorize(Policy = PortalPolicies.StoreOwner)]
public sealed class BotsTestModeModel(TestModeService testMode) : PageModel
{
    public string Tenant => RouteData.Values["tenant"]?.ToString() ?? "";

    public bool IsAvailable => testMode.IsAvailable;

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!testMode.IsAvailable)
        {
            return NotFound();
        }

        var chat = await testMode.OpenAsync(cancellationToken);
        if (chat.Succeeded)
        {
            return Redirect(chat.Value!.AbsoluteUri);
        }

        Error = chat.Failure.Message;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }
}
