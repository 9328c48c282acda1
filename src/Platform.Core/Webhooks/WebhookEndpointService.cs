using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbox;

namespace Platform.Core.Webhooks;

/// <summary>
/// The owner's operations on endpoints, shared by the portal and the API: validation (URL safety, event types),
/// secret generation and encryption, rotation with overlap, enabling, and the test event. Runs in the request's
/// tenant scope, so another store's endpoint is simply not found.
/// </summary>
public sealed class WebhookEndpointService(
    PlatformDbContext db, WebhookSecrets secrets, WebhookUrlValidator urls, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<List<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);

    public Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<Result<CreatedWebhookEndpoint>> CreateAsync(WebhookEndpointInput input, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var secret = WebhookSecrets.Generate();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Url = input.Url!.Trim(),
            Description = input.Description?.Trim() ?? string.Empty,
            EventTypes = [.. (input.EventTypes ?? []).Distinct(StringComparer.Ordinal)],
            Enabled = input.Enabled,
            DisabledAt = input.Enabled ? null : clock.GetUtcNow(),
            DisabledReason = input.Enabled ? null : WebhookDisabledReasons.ByOwner,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWebhookEndpoint(endpoint, secret);
    }

    /// <summary>Changes URL, description, event types and the enabled flag; not found when the endpoint is not this store's.</summary>
    public async Task<Result<WebhookEndpoint>> UpdateAsync(Guid id, WebhookEndpointInput input, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return Failure.NotFound($"This store has no webhook endpoint {id}.");
        }

        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        endpoint.Url = input.Url!.Trim();
        endpoint.Description = input.Description?.Trim() ?? string.Empty;
        endpoint.EventTypes = [.. (input.EventTypes ?? []).Distinct(StringComparer.Ordinal)];
        SetEnabled(endpoint, input.Enabled);
        await db.SaveChangesAsync(cancellationToken);
        return endpoint;
    }

    public async Task<bool> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }

        SetEnabled(endpoint, enabled);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>New secret (returned once); the old one keeps signing beside it for the overlap. Null when not found.</summary>
    public async Task<string?> RotateSecretAsync(Guid id, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return null;
        }

        var secret = WebhookSecrets.Generate();
        endpoint.ProtectedPreviousSecret = endpoint.ProtectedSecret;
        endpoint.PreviousSecretExpiresAt = clock.GetUtcNow() + options.Value.RotationOverlap;
        endpoint.ProtectedSecret = secrets.Protect(secret);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>Writes a <c>webhook.test</c> outbox event addressed to this endpoint only; returns its id.</summary>
    public async Task<Guid?> SendTestEventAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var outboxEvent = db.AddOutboxEvent(new WebhookTest(id, WebhookTest.DefaultMessage, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return outboxEvent.Id;
    }

    private void SetEnabled(WebhookEndpoint endpoint, bool enabled)
    {
        if (endpoint.Enabled == enabled)
        {
            return;
        }

        endpoint.Enabled = enabled;
        endpoint.DisabledAt = enabled ? null : clock.GetUtcNow();
        endpoint.DisabledReason = enabled ? null : WebhookDisabledReasons.ByOwner;
        endpoint.DisabledAutomatically = false;
        endpoint.FailingSince = null; // re-enabling gives the endpoint a fresh 5 days
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(WebhookEndpointInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (await urls.ValidateAsync(input.Url, cancellationToken) is { } urlError)
        {
            errors[nameof(input.Url)] = [urlError];
        }

        if (input.Description?.Trim().Length > WebhookEndpoint.DescriptionMaxLength)
        {
            errors[nameof(input.Description)] = [$"Description is at most {WebhookEndpoint.DescriptionMaxLength} characters."];
        }

        var unknown = (input.EventTypes ?? []).Where(t => !WebhookEventTypes.Subscribable.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            errors[nameof(input.EventTypes)] =
                [$"Unknown event type(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", WebhookEventTypes.Subscribable)}."];
        }

        return errors;
    }
}
