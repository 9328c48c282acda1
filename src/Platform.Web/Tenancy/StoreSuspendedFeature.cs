namespace Platform.Web.Tenancy;

/// <summary>
/// Left on a request <see cref="SuspendedStoreGuard"/> refused, so the error page says why (the store is suspended and
/// changes are paused) instead of the generic "no access" — the merchant did nothing wrong in that tab.
/// </summary>
public sealed record StoreSuspendedFeature(string StoreName, string? Reason);
