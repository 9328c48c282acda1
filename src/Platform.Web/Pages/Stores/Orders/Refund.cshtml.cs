using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>
/// Owner only: the refund's confirmation page (what happens, an optional reason, the red button and Cancel back to the
/// order), then refundStarPayment and the order's refund (see <see cref="RefundService"/>); the result comes back here
/// with links to the order and the list. A reason that is too long or holds refused characters is a field error and
/// nothing is refunded.
/// </summary>
[Authorize(Policy = PortalPolicies.StoreOwner)]
public sealed class RefundModel(PlatformDbContext db, RefundService refunds) : PageModel
{
    public Order? Order { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return Order is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (RefundService.ReasonError(Reason) is { } error)
        {
            ModelState.AddModelError(nameof(Reason), error);
            var shown = await OnGetAsync(id, cancellationToken);
            return shown is PageResult ? new PageResult { StatusCode = StatusCodes.Status400BadRequest } : shown;
        }

        Message = await refunds.RefundAsync(id, Reason, cancellationToken) switch
        {
            RefundResult.Refunded => "Refunded. The buyer has their Stars back.",
            RefundResult.AlreadyRefunded => "This order was already refunded.",
            RefundResult.NotFound => null,
            RefundResult.NotPaid => "Only paid orders can be refunded.",
            _ => $"Telegram refused the refund: {refunds.LastTelegramError}",
        };
        return Message is null ? NotFound() : RedirectToPage(new { id });
    }
}
