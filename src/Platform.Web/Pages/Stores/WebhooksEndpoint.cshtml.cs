using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Webhooks;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// One endpoint: state and the automatic-disable notice, delivery log with attempts, retry one, replay failed in a
/// range, rotate the secret (shown once), enable/disable, send a test event, delete.
/// </summary>
[Authorize(Policy = PortalPolicies.StoreOwner)]
public sealed class WebhooksEndpointModel(WebhookEndpointService endpoints, WebhookDeliveryService deliveries, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "status")]
    public string? StatusFilter { get; set; }

    /// <summary>Replay range, entered in UTC.</summary>
    [BindProperty]
    public DateTime? ReplayFrom { get; set; }

    [BindProperty]
    public DateTime? ReplayTo { get; set; }

    [BindProperty]
    public string? EditUrl { get; set; }

    [BindProperty]
    public string? EditDescription { get; set; }

    [BindProperty]
    public List<string> EditEventTypes { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? NewSecret { get; private set; }

    public WebhookEndpoint Endpoint { get; private set; } = null!;

    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    public ILookup<Guid, WebhookAttempt> Attempts { get; private set; } = Array.Empty<WebhookAttempt>().ToLookup(a => a.DeliveryId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ActAsync(async () => await endpoints.SetEnabledAsync(Id, true, cancellationToken), "Endpoint enabled; waiting deliveries resume.");

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ActAsync(async () => await endpoints.SetEnabledAsync(Id, false, cancellationToken), "Endpoint disabled; new events are not delivered to it.");

    public Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken) =>
        ActAsync(async () => await endpoints.SendTestEventAsync(Id, cancellationToken) is not null,
            "Test event sent; it appears in the log below within seconds.");

    public Task<IActionResult> OnPostRetryAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        ActAsync(async () => await deliveries.RetryAsync(Id, deliveryId, cancellationToken), "Delivery queued to be sent again.");

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(Id, cancellationToken);
        if (endpoint is null || !await endpoints.DeleteAsync(Id, cancellationToken))
        {
            return NotFound();
        }

        // The list shows it (same TempData key): the endpoint's page is gone, the list is the way back.
        Notice = $"The endpoint {endpoint.Url} was deleted; no more events go to it.";
        return RedirectToPage("/Stores/Webhooks", new { tenant = RouteData.Values["tenant"] });
    }

    public async Task<IActionResult> OnPostReplayAsync(CancellationToken cancellationToken)
    {
        if (ReplayFrom is not { } from || ReplayTo is not { } to || from >= to)
        {
            ModelState.AddModelError(nameof(ReplayFrom), "Choose a start and an end time, with the start first.");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        if (await endpoints.FindAsync(Id, cancellationToken) is null)
        {
            return NotFound();
        }

        var count = await deliveries.ReplayFailedAsync(Id, new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(to, TimeSpan.Zero), cancellationToken);
        Notice = count == 0 ? "No failed deliveries in that range." : $"{count} failed deliveries queued to be sent again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (await endpoints.FindAsync(Id, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        var result = await endpoints.UpdateAsync(Id, new WebhookEndpointInput(EditUrl, EditDescription, EditEventTypes, current.Enabled), cancellationToken);
        if (result.Succeeded)
        {
            Notice = "Endpoint saved.";
            return RedirectToPage();
        }

        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError("Edit" + field, message);
            }
        }

        return await LoadAsync(cancellationToken, keepEdits: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        NewSecret = await endpoints.RotateSecretAsync(Id, cancellationToken);
        return NewSecret is not null && await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<IActionResult> ActAsync(Func<Task<bool>> action, string notice)
    {
        if (!await action())
        {
            return NotFound();
        }

        Notice = notice;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken, bool keepEdits = false)
    {
        if (await endpoints.FindAsync(Id, cancellationToken) is not { } endpoint)
        {
            return false;
        }

        Endpoint = endpoint;
        if (!keepEdits)
        {
            EditUrl = endpoint.Url;
            EditDescription = endpoint.Description;
            EditEventTypes = endpoint.EventTypes;
        }

        WebhookDeliveryStatus? status = Enum.TryParse<WebhookDeliveryStatus>(StatusFilter, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Deliveries = await deliveries.ListAsync(Id, status, before: null, take: 50, cancellationToken);
        Attempts = await deliveries.AttemptsAsync([.. Deliveries.Select(d => d.Id)], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        ReplayFrom ??= now.AddDays(-1);
        ReplayTo ??= now.AddMinutes(1);
        return true;
    }
}
