using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Catalog;
using Platform.Core.Common;
using Platform.Core.Subscriptions;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// Memberships at a glance: per-plan figures, the active-subscribers chart, the subscribers (status filter, search,
/// pages) and the access log. Owners may cancel a renewal, restore access after a mistake and grant a complimentary
/// membership; every such action is a POST behind a confirmation, run by <see cref="SubscriptionLifecycle"/>.
/// </summary>
public sealed class SubscriptionsModel(SubscriberReader reader, ProductService products, IAuthorizationService authorization, TimeProvider time)
    : PageModel
{
    public const int LogPageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; }
    [BindProperty(SupportsGet = true, Name = "log")] public int LogPageNumber { get; set; }

    [BindProperty] public string? GrantCustomer { get; set; }
    [BindProperty] public Guid? GrantPlanId { get; set; }
    [BindProperty] public DateOnly? GrantUntil { get; set; }

    [TempData] public string? Notice { get; set; }
    [TempData] public bool NoticeIsBad { get; set; }

    public SubscriberPage Subscribers { get; private set; } = new([], 0, 25, 0);
    public IReadOnlyList<PlanFigures> Figures { get; private set; } = [];
    public SubscribersChart Chart { get; private set; } = new([]);
    public AccessLogPage Log { get; private set; } = new([], 0, LogPageSize, 0);
    public IReadOnlyList<ProductListItem> Plans { get; private set; } = [];
    public bool CanAct { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    public string FirstDay => Chart.Points.Count == 0 ? "" : Chart.Points[0].Day.ToString("MMM d", CultureInfo.InvariantCulture);
    public string LastDay => Chart.Points.Count == 0 ? "" : Chart.Points[^1].Day.ToString("MMM d", CultureInfo.InvariantCulture);

    public SubscriptionStatus? StatusFilter => Status switch
    {
        "active" => SubscriptionStatus.Active,
        "canceled" => SubscriptionStatus.Canceled,
        "expired" => SubscriptionStatus.Expired,
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanAct = (await authorization.AuthorizeAsync(User, PortalPolicies.StoreOwner)).Succeeded;
        Subscribers = await reader.ListAsync(new SubscriberFilter(StatusFilter, Search, Math.Max(PageNumber, 0)), cancellationToken);
        Figures = await reader.FiguresAsync(cancellationToken);
        Chart = new SubscribersChart(await reader.ActiveSeriesAsync(cancellationToken));
        Log = await reader.AccessLogAsync(LogPageNumber, LogPageSize, cancellationToken);
        Plans = (await products.ListAsync(null, cancellationToken)).Where(p => p.Product.Kind == ProductKind.Subscription).ToList();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, [FromServices] SubscriptionLifecycle lifecycle, CancellationToken cancellationToken) =>
        await OwnerOnlyAsync() ?? Done(await lifecycle.CancelAsync(id, "merchant", cancellationToken),
            "Renewal cancelled: the member keeps access until the end of the paid period.");

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, DateOnly? until, [FromServices] SubscriptionLifecycle lifecycle,
        CancellationToken cancellationToken)
    {
        if (await OwnerOnlyAsync() is { } refused)
        {
            return refused;
        }

        if (until is not { } date || date <= Today)
        {
            return Done(Failure.Invalid("until", "Restore access until a date after today."), "");
        }

        return Done(await lifecycle.RestoreAsync(id, EndOf(date), Actor, cancellationToken), $"Access restored until {date:yyyy-MM-dd}.");
    }

    public async Task<IActionResult> OnPostGrantAsync([FromServices] SubscriptionLifecycle lifecycle, CancellationToken cancellationToken)
    {
        if (await OwnerOnlyAsync() is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(GrantCustomer) || GrantPlanId is not { } planId || GrantUntil is not { } until || until <= Today)
        {
            return Done(Failure.Rejected("Name the customer (Telegram id or @username), the plan and a date after today."), "");
        }

        var customer = await reader.FindCustomerAsync(GrantCustomer, cancellationToken);
        if (customer is null)
        {
            return Done(Failure.Rejected($"“{GrantCustomer.Trim()}” is not a customer of this store yet: they need to start the bot first."), "");
        }

        return Done(await lifecycle.GrantComplimentaryAsync(planId, customer.Id, EndOf(until), Actor, cancellationToken),
            $"Complimentary membership granted until {until:yyyy-MM-dd}.");
    }

    public string Link(string? status = null, int page = 0, int log = 0, bool keepStatus = true) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Status"] = keepStatus ? Status : status,
            ["q"] = Search,
            ["page"] = page > 0 ? page.ToString(CultureInfo.InvariantCulture) : null,
            ["log"] = log > 0 ? log.ToString(CultureInfo.InvariantCulture) : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private string Actor => "merchant:" + (User.Identity?.Name ?? "unknown");

    private static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private async Task<IActionResult?> OwnerOnlyAsync() =>
        (await authorization.AuthorizeAsync(User, PortalPolicies.StoreOwner)).Succeeded ? null : Forbid();

    private RedirectToPageResult Done<T>(Result<T> result, string success)
    {
        (Notice, NoticeIsBad) = result.Succeeded ? (success, false) : (result.Failure.Message, true);
        return RedirectToPage(new { Status, q = Search });
    }

    private RedirectToPageResult Done(Failure failure, string success) => Done(Result<bool>.Fail(failure), success);
}
