using Microsoft.Extensions.Options;
using Platform.Core.Bots;
using Platform.Core.Outbound;

namespace Platform.Tests.Bots;

public sealed class ProcessorThrottleTests
{
    private static ProcessorThrottle Throttle(int places) => new(Options.Create(new TelegramOptions { ProcessorMaxConcurrentUpdates = places }));

    [Fact]
    public async Task No_more_updates_run_at_once_than_there_are_places()
    {
        var throttle = Throttle(2);
        using var first = await throttle.EnterAsync(CancellationToken.None);
        using var second = await throttle.EnterAsync(CancellationToken.None);

        var third = throttle.EnterAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(third.IsCompleted);

        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_handler_waiting_on_telegram_gives_its_place_back_and_takes_it_again_after()
    {
        var throttle = Throttle(1);
        var waiting = Task.Run(async () =>
        {
            using var place = await throttle.EnterAsync(CancellationToken.None);
            await throttle.DelayAsync(TimeSpan.FromMilliseconds(500), TimeProvider.System, CancellationToken.None);
        });
        await Task.Delay(100);

        // While the first handler sleeps out its retry_after, another update gets the only place.
        var other = await throttle.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        await Task.Delay(600);
        Assert.False(waiting.IsCompleted); // the sleeper wants its place back and waits for it
        other.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        // Everything was given back exactly once: the place is free again, and only one.
        using var again = await throttle.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        var extra = throttle.EnterAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(extra.IsCompleted);
    }
}
