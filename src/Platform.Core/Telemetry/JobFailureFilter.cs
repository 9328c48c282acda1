using Hangfire.States;
using Hangfire.Storage;

namespace Platform.Core.Telemetry;

/// <summary>
/// Counts jobs that reach Hangfire's Failed state (their retries used up, or none allowed), by job type, into
/// <c>starfront_jobs_failed_total</c>: a state filter sees every way a job fails, whichever server or retry policy ran
/// it. Registered once with the job storage, so both the worker and a web process with a job server count.
/// </summary>
public sealed class JobFailureFilter : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.NewState is FailedState)
        {
            BusinessMetrics.JobFailed(context.BackgroundJob?.Job?.Type.Name ?? "unknown");
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
