using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Bots;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The owner connects, re-syncs and removes bots (a token is as good as the bot, so staff cannot). Status comes live
/// from Telegram's getWebhookInfo on each view.
/// </summary>
[Authorize(Policy = PortalPolicies.StoreOwner)]
public sealed class BotsModel(BotRegistrationService registration) : PageModel
{
    public List<BotStatusView> Bots { get; private set; } = [];

    [BindProperty]
    public string? Token { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        var result = await registration.RegisterAsync(Token ?? string.Empty, cancellationToken);
        Token = null;
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Token), result.Failure.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = $"@{result.Value.Username} is connected.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResyncAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await registration.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Message = await registration.ResyncAsync(id, cancellationToken) ? "Webhook and commands set again." : "Re-sync failed; see the bot's last error.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await registration.RemoveAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Message = "The bot was removed and its webhook deleted.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var bot in await registration.ListAsync(cancellationToken))
        {
            if (await registration.StatusAsync(bot.Id, cancellationToken) is { } status)
            {
                Bots.Add(status);
            }
        }
    }
}
