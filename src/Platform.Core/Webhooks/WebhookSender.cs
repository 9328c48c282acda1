using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Tenancy;

namespace Platform.Core.Webhooks;

/// <summary>
/// The job that sends all due deliveries of ONE endpoint (a Hangfire job, or run in-process by
/// <see cref="WebhookLocalSenders"/>): claims a batch, POSTs it with at most <see cref="WebhookOptions.ConcurrencyPerEndpoint"/>
/// requests in flight, records every attempt in one round trip on a second connection while the next batch is claimed
/// and sent (a batch with failures is recorded before going on, so auto-disable sees it first), and repeats until
/// nothing is due for <see cref="WebhookOptions.SenderIdleLinger"/> or its run time is up.
/// Arguments are ids only; secrets are decrypted inside the job. Idempotent: a rerun just finds less due.
/// </summary>
public sealed class WebhookSender(
    TenantJobScope jobScope,
    TenantScopeFactory scopes,
    WebhookTransport transport,
    WebhookSecrets secrets,
    WebhookSenderSignals signals,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger)
{
    [AutomaticRetry(Attempts = 0)] // the pump starts a new sender once the lease runs out; no zombie retries
    public Task SendAsync(Guid tenantId, Guid endpointId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, async (tenant, services) =>
        {
            await using var recording = scopes.CreateScope(tenant);
            await SendDueAsync(services.GetRequiredService<PlatformDbContext>(), recording.ServiceProvider.GetRequiredService<PlatformDbContext>(),
                tenantId, endpointId, cancellationToken);
        }, cancellationToken);

    private async Task SendDueAsync(PlatformDbContext db, PlatformDbContext recordingDb, Guid tenantId, Guid endpointId, CancellationToken cancellationToken)
    {
        var store = new WebhookDeliveryStore(db, clock, options.Value);
        var claims = new WebhookSenderClaim(db, clock, options.Value);
        var recorder = new WebhookDeliveryStore(recordingDb, clock, options.Value);
        var recording = Task.CompletedTask;
        var settings = options.Value;
        var started = clock.GetUtcNow();
        var idleSince = started;
        var healthy = true;
        List<byte[]>? keys = null;
        (string, string?) keysFor = default;
        try
        {
            while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() - started < settings.SenderMaxRunTime)
            {
                var seen = signals.Version(tenantId); // before the claim: a dispatch committing after it wakes the wait below
                // A struggling endpoint gets small batches: one round of requests, so its claims stay short and it
                // cannot hold a worker for many timeouts in a row.
                var size = healthy ? settings.BatchSize : settings.ConcurrencyPerEndpoint;
                // One round trip, one commit: the lease renewed, the endpoint's state, address and secrets read, a batch claimed.
                var (endpoint, batch) = await claims.RenewAndClaimAsync(endpointId, size, ClaimLease(size), cancellationToken);
                if (endpoint is not { Enabled: true })
                {
                    return;
                }

                if (batch.Count == 0)
                {
                    if (clock.GetUtcNow() - idleSince >= settings.SenderIdleLinger)
                    {
                        return;
                    }

                    await signals.WaitAsync(tenantId, seen, settings.SenderPollInterval, clock, cancellationToken);
                    continue;
                }

                var secretsNow = (endpoint.ProtectedSecret, endpoint.PreviousSecretExpiresAt > clock.GetUtcNow() ? endpoint.ProtectedPreviousSecret : null);
                if (keys is null || secretsNow != keysFor)
                {
                    (keys, keysFor) = (SigningKeys(endpoint), secretsNow); // decrypted once per secret, not once per batch
                }

                var results = new WebhookResponse[batch.Count];
                await Parallel.ForAsync(0, batch.Count, new ParallelOptions
                {
                    MaxDegreeOfParallelism = settings.ConcurrencyPerEndpoint,
                    CancellationToken = cancellationToken
                },
                    async (i, ct) => results[i] = await SendOneAsync(endpoint.Url, batch[i], keys, ct));

                await recording; // one recording at a time, in batch order
                recording = recorder.RecordAsync(endpointId, batch, results, cancellationToken);
                idleSince = clock.GetUtcNow();
                healthy = results.All(r => r.IsSuccess);
                if (!healthy)
                {
                    await recording; // failures may disable the endpoint: the next round must see it
                }

                if (results.Any(r => r.StatusCode == 410))
                {
                    logger.LogWarning("Webhook endpoint {EndpointId} of tenant {TenantId} answered 410 Gone; disabled", endpointId, tenantId);
                    return;
                }
            }
        }
        finally
        {
            try
            {
                await recording;
            }
            finally
            {
                await store.ReleaseLeaseAsync(endpointId, CancellationToken.None);
            }
        }
    }

    private async Task<WebhookResponse> SendOneAsync(string url, ClaimedDelivery delivery, IReadOnlyList<byte[]> keys, CancellationToken cancellationToken)
    {
        var messageId = delivery.EventId.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(messageId, timestamp, delivery.Body, keys);
        return await transport.PostAsync(url, delivery.Body, messageId, timestamp, signature, cancellationToken);
    }

    /// <summary>
    /// Claims must outlive the batch: every round of <see cref="WebhookOptions.ConcurrencyPerEndpoint"/> requests may
    /// take a full timeout, plus one timeout of margin for recording. Otherwise another sender could claim and send
    /// the same deliveries while this one is still waiting on them.
    /// </summary>
    private TimeSpan ClaimLease(int size)
    {
        var settings = options.Value;
        var rounds = (size + settings.ConcurrencyPerEndpoint - 1) / settings.ConcurrencyPerEndpoint;
        var needed = settings.RequestTimeout * (rounds + 1);
        return needed > settings.ClaimLease ? needed : settings.ClaimLease;
    }

    /// <summary>The current key, and during a rotation's overlap the previous one too (receivers accept either).</summary>
    private List<byte[]> SigningKeys(WebhookEndpoint endpoint)
    {
        var keys = new List<byte[]> { WebhookSecrets.KeyOf(secrets.Unprotect(endpoint.ProtectedSecret)) };
        if (endpoint.ProtectedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > clock.GetUtcNow())
        {
            keys.Add(WebhookSecrets.KeyOf(secrets.Unprotect(previous)));
        }

        return keys;
    }
}
