using System.ComponentModel.DataAnnotations;

namespace Platform.Core.Webhooks;

/// <summary>Settings of section <c>Webhooks</c>. Defaults are the numbers; tests and the benchmark shorten leases.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>CIDRs that may be targeted although private (self-hosting, tests), e.g. <c>10.20.0.0/16</c>.</summary>
    public string[] AllowedPrivateNetworks { get; set; } = [];

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>Requests in flight to one endpoint at a time: a slow endpoint only holds its own sender.</summary>
    [Range(1, 256)]
    public int ConcurrencyPerEndpoint { get; set; } = 16;

    /// <summary>Deliveries claimed per round trip by a sender.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Outbox events claimed per dispatch transaction.</summary>
    [Range(1, 10000)]
    public int DispatchBatchSize { get; set; } = 1000;

    /// <summary>
    /// Minimum time a claimed delivery stays invisible to other senders (must exceed <see cref="RequestTimeout"/>);
    /// a sender extends it to cover every round of its batch.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an endpoint's sender job is considered alive without renewing its lease.</summary>
    public TimeSpan SenderLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Pause between pump ticks (outbox → deliveries, due endpoints → senders) while outbox notifications are not heard:
    /// <see cref="WakeOnNotify"/> off, or its listener reconnecting.
    /// </summary>
    public TimeSpan PumpInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Dispatch wakes on the outbox's NOTIFY (<c>starfront_outbox</c>) and senders start in-process at once (true). False
    /// is the operator's escape hatch back to the poll-only path: pump every <see cref="PumpInterval"/>, Hangfire senders.
    /// </summary>
    public bool WakeOnNotify { get; set; } = true;

    /// <summary>The pump's pause while notifications are heard: only a backstop for a lost one (docs/webhooks.md).</summary>
    public TimeSpan BackstopInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Senders one process runs in-process at a time (<see cref="WakeOnNotify"/>); more endpoints go to Hangfire jobs.</summary>
    [Range(1, 4096)]
    public int MaxLocalSenders { get; set; } = 64;

    /// <summary>A sender with nothing due keeps polling this long before it ends, so a steady stream needs no new job.</summary>
    public TimeSpan SenderIdleLinger { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a sender with nothing due looks again; with <see cref="WakeOnNotify"/> a dispatch wakes it sooner.</summary>
    public TimeSpan SenderPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A sender job ends after this long even when busy, so one endpoint's backlog cannot hold a worker forever.</summary>
    public TimeSpan SenderMaxRunTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An endpoint failing this long without a single success is disabled.</summary>
    public TimeSpan DisableAfterFailingFor { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Finished deliveries and their attempts older than this are deleted by the hourly prune.</summary>
    public TimeSpan RetainDeliveriesFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);
}
