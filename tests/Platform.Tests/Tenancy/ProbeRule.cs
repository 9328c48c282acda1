namespace Platform.Tests.Tenancy;

/// <summary>
/// How <see cref="CrossTenantProbeTests"/> treats one route: probe it as merchant A with merchant B's slug and ids
/// (<see cref="IdOf"/> names which of B's ids an <c>{id}</c> or handler <c>id</c> means there), or leave it out for a
/// stated reason (public, or its own credential). Every route of the app needs one, so a new route fails the probe
/// until someone decides how it is kept apart.
/// </summary>
internal sealed record ProbeRule(string Pattern, bool Probe, string Reason, Func<Security.SeededStore, Guid>? IdOf = null)
{
    public static ProbeRule Scoped(string pattern, Func<Security.SeededStore, Guid>? idOf = null) => new(pattern, true, "tenant-scoped", idOf);

    public static ProbeRule NotScoped(string pattern, string reason) => new(pattern, false, reason);

    public override string ToString() => $"{Pattern} ({Reason})";
}
