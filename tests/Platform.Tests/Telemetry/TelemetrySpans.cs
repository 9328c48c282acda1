using System.Collections.ObjectModel;
using System.Diagnostics;

namespace Platform.Tests.Telemetry;

/// <summary>The in-memory exporter's list: it adds from the export thread while a test reads, so both go through one lock.</summary>
public sealed class TelemetrySpans : Collection<Activity>
{
    private readonly Lock gate = new();

    public List<Activity> Snapshot()
    {
        lock (gate)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }
}
