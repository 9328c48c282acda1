using System.ComponentModel.DataAnnotations;

namespace Platform.Core.Jobs;

/// <summary>
/// <c>Jobs:WorkerCount</c> and <c>Jobs:Queues</c> — the Hangfire server's size and the queues it takes jobs from, so a
/// deployment (the Helm chart's <c>worker.hangfire.*</c>) sizes each worker replica without a rebuild. Every job the
/// platform enqueues goes to the <c>default</c> queue, so the list must keep it.
/// </summary>
public sealed class JobServerOptions
{
    public const string Section = "Jobs";

    public const string DefaultQueue = "default";

    /// <summary>Hangfire workers in this process; 0 keeps Hangfire's default (5 per core, at most 20).</summary>
    [Range(0, 200)]
    public int WorkerCount { get; set; }

    /// <summary>Queues served, highest priority first; must include <see cref="DefaultQueue"/>.</summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>The queues to hand Hangfire: the configured ones, or <c>default</c> alone when none are.</summary>
    public string[] EffectiveQueues() => Queues.Count == 0 ? [DefaultQueue] : [.. Queues.Select(q => q.Trim().ToLowerInvariant())];

    /// <summary>True when the jobs the platform enqueues will be served.</summary>
    public bool ServesDefaultQueue() => EffectiveQueues().Contains(DefaultQueue);
}
