namespace Platform.TelegramSandbox.Time;

/// <summary>
/// A reusable "something changed" signal. Waiters take <see cref="Next"/> BEFORE inspecting state,
/// so a pulse between the check and the wait is never lost.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _current).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult();

    /// <summary>Waits for <paramref name="next"/> or a real-time cap, whichever is first; never throws on the cap.</summary>
    public static async Task WaitAsync(Task next, TimeSpan cap, CancellationToken ct)
    {
        if (cap <= TimeSpan.Zero) return;
        try { await next.WaitAsync(cap, ct).ConfigureAwait(false); }
        catch (TimeoutException) { }
    }
}
