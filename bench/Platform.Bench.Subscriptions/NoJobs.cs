using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Platform.Bench.Subscriptions;

/// <summary>
/// The sweep object's Hangfire client in the benchmark, which never enqueues: the benchmark runs each tenant's job
/// itself (in parallel), so what is measured is the sweep's database work, not Hangfire's queue.
/// </summary>
internal sealed class NoJobs : IBackgroundJobClient
{
    public string Create(Job job, IState state) => throw new NotSupportedException("The benchmark runs tenant jobs in-process.");

    public bool ChangeState(string jobId, IState state, string expectedState) => false;
}
