namespace Platform.Bench;

/// <summary>Cumulative CPU seconds at one moment (see <see cref="CpuMeter"/>).</summary>
internal sealed record CpuSnapshot(double Web, double Sandbox, double Postgres, IReadOnlyDictionary<string, double> Parts, int Backends);
