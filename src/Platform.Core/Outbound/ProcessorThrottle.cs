using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Platform.Core.Bots;

namespace Platform.Core.Outbound;

/// <summary>
/// How many updates this process handles at once, across all bots (<c>Telegram:ProcessorMaxConcurrentUpdates</c>). A rush
/// on many bots would otherwise run every chat lane of every processor job at once — a hundred handlers, their
/// connections and PostgreSQL backends taking turns on two cores — and everybody finishes late together. With a cap
/// the updates go through a few at a time, in arrival order, and each buyer's goods leave as soon as their own update
/// ran. A handler that waits on Telegram (a send gate, a 429's retry_after) gives its place back while it waits
/// (<see cref="DelayAsync"/>), so slow chats never hold the others up.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification =
    "SemaphoreSlim needs disposing only once its AvailableWaitHandle is used, which this never does; "
    + "the instance lives as long as the process (a singleton).")]
public sealed class ProcessorThrottle
{
    /// <summary>Places per core when <c>Telegram:ProcessorMaxConcurrentUpdates</c> is 0 (checkout benchmark: 3 per core beat 4, 6 and no cap).</summary>
    public const int DefaultPerCore = 3;

    private readonly SemaphoreSlim places;
    private readonly AsyncLocal<Place?> current = new();

    public ProcessorThrottle(IOptions<TelegramOptions> options)
    {
        var limit = options.Value.ProcessorMaxConcurrentUpdates;
        places = new SemaphoreSlim(limit > 0 ? limit : DefaultPerCore * Environment.ProcessorCount);
    }

    /// <summary>Waits for a place; dispose the result to give it back. The caller's async flow holds it.</summary>
    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        // Not an async method on purpose: an AsyncLocal set inside one would not flow back to the caller, and the
        // caller's flow (the handler, BotSender inside it) is what must see the place.
        var place = new Place(places);
        current.Value = place;
        return TakeAsync(place, cancellationToken);
    }

    private static async Task<IDisposable> TakeAsync(Place place, CancellationToken cancellationToken)
    {
        await place.RetakeAsync(cancellationToken);
        return place;
    }

    /// <summary>A delay that does not hold a place: given back before, taken again after (only if this flow holds one).</summary>
    public async Task DelayAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (current.Value is not { Held: true } place)
        {
            await Task.Delay(delay, time, cancellationToken);
            return;
        }

        place.Release();
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        finally
        {
            await place.RetakeAsync(CancellationToken.None);
        }
    }

    private sealed class Place(SemaphoreSlim places) : IDisposable
    {
        public bool Held { get; private set; }

        public void Release()
        {
            Held = false;
            places.Release();
        }

        public async Task RetakeAsync(CancellationToken cancellationToken)
        {
            await places.WaitAsync(cancellationToken);
            Held = true;
        }

        public void Dispose()
        {
            if (Held)
            {
                Release();
            }
        }
    }
}
