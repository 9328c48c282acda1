using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Platform.Bench.Reconciliation;

/// <summary>
/// The sweep's Hangfire client in the benchmark: counts what the fan-out would enqueue; the benchmark runs each bot's job
/// itself (in parallel), so what is measured is the passes' Telegram calls and database work, not Hangfire's queue.
/// </summary>
internal sealed class NoJobs : IBackgroundJobClient
{
    public int Enqueued { get; private set; }

    public string Create(Job job, IState state)
    {
        Enqueued++;
        return Enqueued.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => false;
}
