using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Email;
using Platform.TelegramSandbox.Hosting;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Dev;

/// <summary>
/// The mail outbox for people and tests on a local run: newest first, with links clickable. It shows
/// reset and invitation links, so it exists only in Development and Testing — 404 everywhere else — and even there
/// answers only this machine, or a request carrying <c>Sandbox:AccessToken</c> (<see cref="LocalOnlyAccess"/>).
/// </summary>
public sealed class EmailsModel(PlatformDbContext db, IHostEnvironment environment, IOptions<SandboxOptions> sandbox) : PageModel
{
    public IReadOnlyList<EmailMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IdentityExtensions.IsLocal(environment) || !LocalOnlyAccess.IsAllowed(HttpContext, sandbox.Value.AccessToken))
        {
            return NotFound();
        }

        Messages = await db.EmailMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(100)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
