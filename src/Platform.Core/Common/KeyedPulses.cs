using System.Collections.Concurrent;

namespace Platform.Core.Common;

/// <summary>
/// In-process wake-ups per key (a bot, a tenant) that cannot be missed between "look for work" and "wait": a waiter
/// reads <see cref="Version"/> before it looks, then <see cref="Next"/> completes at once if a pulse came meanwhile.
/// Shared by the inbox processors' and the webhook senders' signals, which differ only in what pulses them.
/// </summary>
public sealed class KeyedPulses
{
    private readonly ConcurrentDictionary<Guid, Pulse> pulses = new();

    /// <summary>The key's pulse count now; read it before looking for work.</summary>
    public long Version(Guid key) => pulses.GetOrAdd(key, _ => new Pulse()).Version;

    /// <summary>A task that completes with the first pulse newer than <paramref name="seenVersion"/> (already complete if one came).</summary>
    public Task Next(Guid key, long seenVersion)
    {
        var pulse = pulses.GetOrAdd(key, _ => new Pulse());
        var next = pulse.Next;
        return pulse.Version > seenVersion ? Task.CompletedTask : next;
    }

    /// <summary>Wakes the key's waiters; a key nobody ever waited on is not created.</summary>
    public void Signal(Guid key)
    {
        if (pulses.TryGetValue(key, out var pulse))
        {
            pulse.Fire();
        }
    }

    /// <summary>Wakes every waiter (after a gap in which pulses may have been missed).</summary>
    public void SignalAll()
    {
        foreach (var pulse in pulses.Values)
        {
            pulse.Fire();
        }
    }

    private sealed class Pulse
    {
        private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long version;

        public long Version => Interlocked.Read(ref version);

        public Task Next => Volatile.Read(ref next).Task;

        public void Fire()
        {
            Interlocked.Increment(ref version);
            Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }
}
