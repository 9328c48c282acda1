using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Outbox;
using Platform.Core.Webhooks;

namespace Platform.Tests.Webhooks;

/// <summary>Delivery behaviour against a real local receiver; retries timed by the fake clock, never by sleeping.</summary>
public sealed class WebhookDeliveryTests(WebhookAppFactory app) : IClassFixture<WebhookAppFactory>
{
    [Fact]
    public async Task A_receiver_that_fails_three_times_then_answers_200_gets_the_event_accepted_once_with_retries_timed_by_the_clock()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = i => i < 3 ? ReceiverReply.Fail : ReceiverReply.Ok;
        var (tenant, _) = await app.NewStoreAsync("Retry");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        var eventId = await app.EmitAsync(tenant);

        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);
        Assert.Single(receiver.Requests); // attempt 1: immediately

        TimeSpan[] expectedDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];
        for (var k = 0; k < expectedDelays.Length; k++)
        {
            var delivery = await app.DeliveryAsync(tenant, eventId);
            Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
            var wait = delivery.NextAttemptAt!.Value - app.Clock.GetUtcNow();
            Assert.InRange(wait, expectedDelays[k], expectedDelays[k] * (1 + WebhookRetrySchedule.MaxJitter) + TimeSpan.FromMilliseconds(1));

            app.Clock.Advance(wait - TimeSpan.FromMilliseconds(500));
            await app.SendAsync(tenant, endpoint.Id);
            Assert.Equal(k + 1, receiver.Requests.Count); // not before its time

            app.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await app.SendAsync(tenant, endpoint.Id);
            Assert.Equal(k + 2, receiver.Requests.Count);
        }

        var done = await app.DeliveryAsync(tenant, eventId);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, done.Status);
        Assert.Equal(4, done.AttemptCount);
        Assert.All(receiver.Requests, r => Assert.Equal(eventId.ToString(), r.Id)); // the same webhook-id on every retry
        var attempts = await app.InTenantAsync(tenant, db => db.WebhookAttempts.Where(a => a.DeliveryId == done.Id).OrderBy(a => a.AttemptedAt).ToListAsync());
        Assert.Equal([500, 500, 500, 200], attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal("boom", attempts[0].ResponseExcerpt);

        app.Clock.Advance(TimeSpan.FromHours(30));
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);
        Assert.Equal(4, receiver.Requests.Count); // accepted once: nothing more is sent
    }

    [Fact]
    public async Task After_the_last_scheduled_attempt_the_delivery_is_failed_and_can_be_replayed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = i => i < WebhookRetrySchedule.MaxAttempts ? ReceiverReply.Fail : ReceiverReply.Ok;
        var (tenant, _) = await app.NewStoreAsync("Replay");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        var eventId = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        var from = app.Clock.GetUtcNow();

        for (var i = 0; i < WebhookRetrySchedule.MaxAttempts; i++)
        {
            var delivery = await app.DeliveryAsync(tenant, eventId);
            app.Clock.Advance(delivery.NextAttemptAt!.Value - app.Clock.GetUtcNow());
            await app.SendAsync(tenant, endpoint.Id);
        }

        var failed = await app.DeliveryAsync(tenant, eventId);
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);
        Assert.Equal(8, failed.AttemptCount);
        Assert.InRange(app.Clock.GetUtcNow() - from, TimeSpan.FromHours(27), TimeSpan.FromHours(30)); // about 27 h

        var replayed = await app.InTenantAsync(tenant, db => new WebhookDeliveryService(db, app.Clock)
            .ReplayFailedAsync(endpoint.Id, from.AddMinutes(-1), app.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(1, replayed);
        await app.SendAsync(tenant, endpoint.Id);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, (await app.DeliveryAsync(tenant, eventId)).Status);
    }

    [Fact]
    public async Task Gone_410_disables_the_endpoint_and_the_owner_is_told_in_the_portal()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = _ => new ReceiverReply(410, "gone");
        var (tenant, email) = await app.NewStoreAsync("Gone");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);

        var disabled = await app.EndpointAsync(tenant, endpoint.Id);
        Assert.False(disabled.Enabled);
        Assert.True(disabled.DisabledAutomatically);
        Assert.Equal(WebhookDisabledReasons.Gone, disabled.DisabledReason);

        var later = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);
        Assert.Single(receiver.Requests);
        Assert.False(await app.InTenantAsync(tenant, db => db.WebhookDeliveries.AnyAsync(d => d.EventId == later)));

        using var owner = await app.SignedInClientAsync(email, tenant);
        var page = await owner.GetStringAsync($"/stores/{tenant.Slug}/webhooks");
        Assert.Contains($"data-disabled-endpoint=\"{endpoint.Id}\"", page);
    }

    [Fact]
    public async Task An_endpoint_failing_for_five_days_without_a_success_is_disabled_and_the_owner_is_told()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = _ => ReceiverReply.Fail;
        var (tenant, email) = await app.NewStoreAsync("Failing");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);
        Assert.NotNull((await app.EndpointAsync(tenant, endpoint.Id)).FailingSince);

        app.Clock.Advance(TimeSpan.FromDays(4));
        await app.PumpAsync(tenant);
        Assert.True((await app.EndpointAsync(tenant, endpoint.Id)).Enabled);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.PumpAsync(tenant);
        var disabled = await app.EndpointAsync(tenant, endpoint.Id);
        Assert.False(disabled.Enabled);
        Assert.Equal(WebhookDisabledReasons.FailingTooLong, disabled.DisabledReason);

        using var owner = await app.SignedInClientAsync(email, tenant);
        var page = await owner.GetStringAsync($"/stores/{tenant.Slug}/webhooks/{endpoint.Id}");
        Assert.Contains("id=\"disabled-notice\"", page);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = _ => new ReceiverReply(302, "", new() { ["Location"] = receiver.Url("/elsewhere") });
        var (tenant, _) = await app.NewStoreAsync("Redirect");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        var eventId = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);

        Assert.Equal("/hook", Assert.Single(receiver.Requests).Path);
        var delivery = await app.DeliveryAsync(tenant, eventId);
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(1, delivery.AttemptCount);
        var attempt = await app.InTenantAsync(tenant, db => db.WebhookAttempts.SingleAsync(a => a.DeliveryId == delivery.Id));
        Assert.Equal(302, attempt.StatusCode);
        Assert.Contains("Redirects are not followed", attempt.Error);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_After_is_honoured_for_429_and_503(int status)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = _ => new ReceiverReply(status, "slow down", new() { ["Retry-After"] = "120" });
        var (tenant, _) = await app.NewStoreAsync("Throttled");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        var eventId = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);

        var delivery = await app.DeliveryAsync(tenant, eventId);
        Assert.Equal(app.Clock.GetUtcNow().AddSeconds(120), delivery.NextAttemptAt);
    }

    [Fact]
    public async Task A_hanging_endpoint_times_out_after_15_seconds_on_the_clock_and_only_1_KB_of_a_response_is_kept()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = i => i == 0 ? new ReceiverReply(200, Hang: true) : new ReceiverReply(500, new string('x', 70_000));
        var (tenant, _) = await app.NewStoreAsync("Slow");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        var eventId = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);

        var sending = app.SendAsync(tenant, endpoint.Id);
        while (receiver.Requests.IsEmpty)
        {
            await Task.Delay(10); // waiting for the request to arrive, not for time to pass
        }

        app.Clock.Advance(TimeSpan.FromSeconds(14));
        Assert.False(sending.IsCompleted);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await sending.WaitAsync(TimeSpan.FromSeconds(30));
        var delivery = await app.DeliveryAsync(tenant, eventId);
        var first = await app.InTenantAsync(tenant, db => db.WebhookAttempts.SingleAsync(a => a.DeliveryId == delivery.Id));
        Assert.Null(first.StatusCode);
        Assert.Contains("Timed out after 15 s", first.Error);

        app.Clock.Advance(delivery.NextAttemptAt!.Value - app.Clock.GetUtcNow());
        await app.SendAsync(tenant, endpoint.Id);
        var second = await app.InTenantAsync(tenant, db => db.WebhookAttempts.Where(a => a.DeliveryId == delivery.Id && a.StatusCode == 500).SingleAsync());
        Assert.Equal(WebhookAttempt.ExcerptMaxLength, second.ResponseExcerpt!.Length);
    }

    [Fact]
    public async Task Rotation_signs_with_both_secrets_for_24_hours_then_with_the_new_one_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, _) = await app.NewStoreAsync("Rotate");
        var (endpoint, oldSecret) = await app.CreateEndpointAsync(tenant, receiver.Url());
        var newSecret = await app.WithEndpointsAsync(tenant, s => s.RotateSecretAsync(endpoint.Id, CancellationToken.None));

        await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);
        var during = Assert.Single(receiver.Requests);
        Assert.Equal(2, during.Signatures.Length);
        Assert.Contains(SignatureChecks.SignWithLibrary(oldSecret, during), during.Signatures);
        Assert.Contains(SignatureChecks.SignWithLibrary(newSecret!, during), during.Signatures);

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);
        var after = receiver.Requests.Last();
        Assert.Equal([SignatureChecks.SignWithLibrary(newSecret!, after)], after.Signatures);
    }

    [Fact]
    public async Task Dispatching_the_same_event_twice_creates_no_duplicate_delivery()
    {
        var (tenant, _) = await app.NewStoreAsync("Twice");
        await app.CreateEndpointAsync(tenant, "http://127.0.0.1:9/hook");
        var eventId = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);

        // As if a replica crashed after inserting deliveries but the event looked undispatched again.
        await app.InTenantAsync(tenant, db => db.OutboxEvents.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, (DateTimeOffset?)null)));
        await Task.WhenAll(app.PumpAsync(tenant), app.PumpAsync(tenant));

        Assert.Equal(1, await app.InTenantAsync(tenant, db => db.WebhookDeliveries.CountAsync(d => d.EventId == eventId)));
        Assert.NotNull(await app.InTenantAsync(tenant, db => db.OutboxEvents.Where(e => e.Id == eventId).Select(e => e.DispatchedAt).SingleAsync()));
    }

    [Fact]
    public async Task Event_type_filters_apply_and_a_test_event_reaches_only_its_endpoint()
    {
        var (tenant, _) = await app.NewStoreAsync("Filter");
        var (paidOnly, _) = await app.CreateEndpointAsync(tenant, "http://127.0.0.1:9/paid", EventTypes.OrderPaid);
        var (all, _) = await app.CreateEndpointAsync(tenant, "http://127.0.0.1:9/all");
        var refunded = await app.EmitAsync(tenant, EventTypes.OrderRefunded);
        var testEvent = await app.WithEndpointsAsync(tenant, s => s.SendTestEventAsync(paidOnly.Id, CancellationToken.None));
        await app.PumpAsync(tenant);

        var deliveries = await app.InTenantAsync(tenant, db => db.WebhookDeliveries.Select(d => new { d.EventId, d.EndpointId }).ToListAsync());
        Assert.Equal(2, deliveries.Count);
        Assert.Contains(deliveries, d => d.EventId == refunded && d.EndpointId == all.Id);
        Assert.Contains(deliveries, d => d.EventId == testEvent && d.EndpointId == paidOnly.Id);
    }

    [Fact]
    public async Task Finished_deliveries_older_than_the_retention_are_pruned_with_their_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, _) = await app.NewStoreAsync("Prune");
        var (endpoint, _) = await app.CreateEndpointAsync(tenant, receiver.Url());
        var old = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);

        app.Clock.Advance(TimeSpan.FromDays(31));
        var recent = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);

        var pruned = await app.Services.GetRequiredService<WebhookRetention>().PruneTenantAsync(tenant.Id, CancellationToken.None);

        Assert.Equal(1, pruned);
        var left = await app.InTenantAsync(tenant, db => db.WebhookDeliveries.Select(d => d.EventId).ToListAsync());
        Assert.Equal([recent], left);
        Assert.Equal(1, await app.InTenantAsync(tenant, db => db.WebhookAttempts.CountAsync()));
        Assert.DoesNotContain(old, left);
    }

    [Fact]
    public async Task A_refused_connection_is_a_recorded_failed_attempt_not_a_crashed_batch()
    {
        var (tenant, _) = await app.NewStoreAsync("Refused");
        var (refused, _) = await app.CreateEndpointAsync(tenant, "http://127.0.0.1:9/closed-port");
        var eventId = await app.EmitAsync(tenant);
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, refused.Id);

        var delivery = await app.DeliveryAsync(tenant, eventId);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1), (delivery.Status, delivery.AttemptCount));
        var attempt = await app.InTenantAsync(tenant, db => db.WebhookAttempts.SingleAsync(a => a.DeliveryId == delivery.Id));
        Assert.Null(attempt.StatusCode);
        Assert.False(string.IsNullOrEmpty(attempt.Error));
    }
}
