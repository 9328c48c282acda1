using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Web.Identity;
using Platform.Web.Portal;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The store owner links their own Telegram account, so a bot can tell them when Stars are ready to withdraw: a
/// one-time code (shown once, in the POST's answer; only its hash is kept) sent as <c>/start own_{code}</c> to one of
/// the store's bots. Everyone on the team sees the state; only owners make codes and unlink.
/// </summary>
public sealed class BalanceTelegramModel(OwnerLinks links, PlatformDbContext db, IAuthorizationService authorization, IOptions<TelegramOptions> telegram)
    : PageModel
{
    public OwnerTelegramLink? Link { get; private set; }

    /// <summary>The linked bot's username, when the link names one that still exists.</summary>
    public string? LinkedBot { get; private set; }

    public IReadOnlyList<string> Bots { get; private set; } = [];

    public bool CanAct { get; private set; }

    /// <summary>The new code: shown once, right after it is made.</summary>
    public string? Code { get; private set; }

    /// <summary>The sandbox's chat page when the platform talks to the sandbox instead of Telegram (local run, tests).</summary>
    public string? SandboxChat =>
        string.Equals(telegram.Value.BaseUrl.TrimEnd('/'), TelegramOptions.LiveBaseUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : telegram.Value.BaseUrl.TrimEnd('/') + "/sandbox";

    [TempData] public string? Notice { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken cancellationToken)
    {
        if (await OwnerOnlyAsync() is { } refused)
        {
            return refused;
        }

        Code = await links.CreateCodeAsync(PortalUser.RequiredIdOf(User), cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(CancellationToken cancellationToken)
    {
        if (await OwnerOnlyAsync() is { } refused)
        {
            return refused;
        }

        Notice = await links.UnlinkAsync(cancellationToken)
            ? "Your Telegram account is unlinked: the bots send you no more balance messages."
            : "Nothing was linked.";
        return RedirectToPage();
    }

    public string DeepLink(string bot) => $"https://t.me/{bot}?start={OwnerLinks.StartPrefix}{Code}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanAct = (await authorization.AuthorizeAsync(User, PortalPolicies.StoreOwner)).Succeeded;
        Link = await links.FindAsync(cancellationToken);
        var bots = await db.Bots.AsNoTracking().OrderBy(b => b.CreatedAt).Select(b => new { b.Id, b.Username, b.Status }).ToListAsync(cancellationToken);
        Bots = [.. bots.Where(b => b.Status == BotStatus.Active).Select(b => b.Username)];
        LinkedBot = bots.FirstOrDefault(b => b.Id == Link?.BotId)?.Username;
    }

    private async Task<IActionResult?> OwnerOnlyAsync() =>
        (await authorization.AuthorizeAsync(User, PortalPolicies.StoreOwner)).Succeeded ? null : Forbid();
}
