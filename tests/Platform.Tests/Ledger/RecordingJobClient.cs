using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Platform.Tests.Ledger;

/// <summary>A Hangfire client that records what a fan-out enqueues instead of running it (the test asserts on the arguments).</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<Job> Jobs { get; } = [];

    public string Create(Job job, IState state)
    {
        lock (Jobs)
        {
            Jobs.Add(job);
        }

        return Guid.NewGuid().ToString("N");
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => false;
}
