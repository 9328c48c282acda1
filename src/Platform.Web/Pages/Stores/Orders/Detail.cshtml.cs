using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Orders;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores.Orders;

/// <summary>One order with its delivery history; owners get the refund link for paid orders (the refund page is the bot side's).</summary>
public sealed class DetailModel(OrderReader orders, IAuthorizationService authorization) : PageModel
{
    public OrderDetail Detail { get; private set; } = null!;

    public bool CanRefund { get; private set; }

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
        return Page();
    }
}
