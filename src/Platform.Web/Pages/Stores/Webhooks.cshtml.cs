using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Webhooks;
using Platform.Web.Identity;

namespace Platform.Web.Pages.Stores;

/// <summary>Owners list their webhook endpoints and add one; the new secret is shown once, in the POST's response.</summary>
[Authorize(Policy = PortalPolicies.StoreOwner)]
public sealed class WebhooksModel(WebhookEndpointService endpoints) : PageModel
{
    [BindProperty]
    public string? EndpointUrl { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> EventTypes { get; set; } = [];

    /// <summary>The plain secret of the endpoint just created: rendered once, never stored readable.</summary>
    public string? NewSecret { get; private set; }

    public WebhookEndpoint? Created { get; private set; }

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];

    /// <summary>The result of an action on an endpoint's page that came back here (its deletion).</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Endpoints = await endpoints.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await endpoints.CreateAsync(new WebhookEndpointInput(EndpointUrl, Description, EventTypes), cancellationToken);
        if (result.Succeeded)
        {
            Created = result.Value.Endpoint;
            NewSecret = result.Value.Secret;
            EndpointUrl = Description = null;
            EventTypes = [];
            ModelState.Clear();
        }
        else
        {
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field == nameof(WebhookEndpointInput.Url) ? nameof(EndpointUrl) : field, message);
                }
            }
        }

        Endpoints = await endpoints.ListAsync(cancellationToken);
        return Page();
    }
}
