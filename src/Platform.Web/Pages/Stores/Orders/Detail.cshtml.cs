using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Orders;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>
/// One order with its delivery history; owners get the refund link for paid orders (the refund page confirms). Members
/// can help a buyer: "Resend delivery" and "Reset downloads" (<see cref="OrderActions"/>), each behind a confirmation;
/// the result comes back here as a notice.
/// </summary>
public sealed class DetailModel(OrderReader orders, OrderActions actions, IAuthorizationService authorization) : PageModel
{
    public OrderDetail Detail { get; private set; } = null!;

    public bool CanRefund { get; private set; }

    public bool CanResend { get; private set; }

    public bool CanResetDownloads { get; private set; }

    /// <summary>The sequence a resend from this page uses: the same click posted twice sends once.</summary>
    public int ResendSequence { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var detail = await orders.GetAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        CanRefund = detail.Order.Status is OrderStatus.Paid or OrderStatus.Fulfilled &&
                    (await authorization.AuthorizeAsync(User, PortalPolicies.StoreOwner)).Succeeded;
        (CanResend, CanResetDownloads) = await actions.AvailableAsync(id, cancellationToken);
        ResendSequence = await actions.NextResendSequenceAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, int sequence, CancellationToken cancellationToken)
    {
        var result = await actions.ResendAsync(id, sequence, cancellationToken);
        Notice = result switch
        {
            OrderActionResult.Done => "The delivery is being sent again to the buyer in the bot.",
            OrderActionResult.AlreadyDone => "That resend was already sent; nothing more was sent.",
            OrderActionResult.NotAllowed => "Only a paid or delivered order (not a membership's charge) can be sent again.",
            _ => null,
        };
        return Notice is null ? NotFound() : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetDownloadsAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await actions.ResetDownloadsAsync(id, cancellationToken);
        Notice = result switch
        {
            OrderActionResult.Done => "Downloads reset: the buyer's download link works again, up to the product's limit.",
            OrderActionResult.NotAllowed => "Only a paid or delivered file order has downloads to reset.",
            _ => null,
        };
        return Notice is null ? NotFound() : RedirectToPage(new { id });
    }
}
