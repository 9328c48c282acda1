using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Xunit.Abstractions;

namespace Platform.Tests.Webhooks;

/// <summary>
/// Dispatch wakes on the outbox's NOTIFY (issue 17): the Worker composition in-process, a real receiver, real time. The
/// polls are set to 30 s, so a delivery within a few seconds can only come from a notification; a lost notification is
/// still delivered by the backstop poll or the listener's look after it reconnects; repeated notifications send once.
/// </summary>
public sealed class WebhookWakeOnNotifyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    private static Dictionary<string, string?> SlowPolls(string backstop = "00:00:30") => new()
    {
        ["Webhooks:PumpInterval"] = "00:00:30",
        ["Webhooks:BackstopInterval"] = backstop,
        ["Webhooks:SenderPollInterval"] = "00:00:30",
        ["Webhooks:SenderIdleLinger"] = "00:01:00",
    };

    [Fact]
    public async Task An_event_reaches_the_receiver_at_once_though_every_poll_waits_30_seconds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookWakeHost.StartAsync(SlowPolls());
        await host.CreateEndpointAsync(receiver.Url());

        var first = Stopwatch.StartNew();
        var firstId = await host.EmitAsync();
        await WaitForAsync(() => receiver.Requests.Any(r => r.Id == firstId), Soon);
        output.WriteLine($"first event (sender started by the notified pass): {first.ElapsedMilliseconds} ms");

        // The endpoint's sender now lingers idle (poll 30 s): only the dispatch's wake-up explains a quick second delivery.
        var second = Stopwatch.StartNew();
        var secondId = await host.EmitAsync();
        await WaitForAsync(() => receiver.Requests.Any(r => r.Id == secondId), Soon);
        output.WriteLine($"second event (running sender woken): {second.ElapsedMilliseconds} ms");
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task An_event_whose_notification_never_came_is_delivered_by_the_backstop_poll()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookWakeHost.StartAsync(SlowPolls(backstop: "00:00:01"));
        await host.CreateEndpointAsync(receiver.Url());

        var id = await host.EmitWithoutNotificationAsync();

        await WaitForAsync(() => receiver.Requests.Any(r => r.Id == id), TimeSpan.FromSeconds(15));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task An_event_committed_while_the_listener_is_cut_off_is_delivered_when_it_listens_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookWakeHost.StartAsync(SlowPolls());
        await host.CreateEndpointAsync(receiver.Url());

        var killed = await host.CutOffListenerAsync();
        var id = await host.EmitAsync(); // the listener retries after a second: this notification goes to nobody

        var again = await host.WaitForListenerAsync(notPid: killed);
        await WaitForAsync(() => receiver.Requests.Any(r => r.Id == id), TimeSpan.FromSeconds(15));
        Assert.NotEqual(killed, again);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Repeated_notifications_and_wake_ups_send_the_event_once_and_fold_into_few_passes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookWakeHost.StartAsync(SlowPolls());
        var endpointId = await host.CreateEndpointAsync(receiver.Url());
        var id = await host.EmitWithoutNotificationAsync();
        var wakeups = host.Services.GetRequiredService<WebhookWakeups>();

        var before = wakeups.Passes;
        for (var i = 0; i < 100; i++)
        {
            wakeups.Wake(host.Tenant.Id);
        }

        await WaitForAsync(() => receiver.Requests.Any(r => r.Id == id), Soon);
        Assert.InRange(wakeups.Passes - before, 1, 10); // 100 wake-ups in a burst: one pass in flight, one pending

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.NotifyAsync()));
        await Task.Delay(TimeSpan.FromSeconds(1)); // anything a duplicate pass would send arrives by now
        Assert.Single(receiver.Requests);
        await using var scope = host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(host.Tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.EndpointId == endpointId);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal(1, await db.WebhookAttempts.CountAsync(a => a.DeliveryId == delivery.Id));
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < timeout, $"Not delivered within {timeout.TotalSeconds:0} s.");
            await Task.Delay(10);
        }
    }
}
