namespace Platform.Web.Tenancy;

/// <summary>
/// One way of telling which store a request is for. Strategies are tried by <see cref="Priority"/>
/// (lower first); every strategy that has an opinion must agree, or the request is refused.
/// </summary>
public interface ITenantResolutionStrategy
{
    int Priority { get; }

    /// <summary>Returns the tenant this request names, or null when this strategy has nothing to say.</summary>
    Task<TenantResolution?> ResolveAsync(HttpContext context, CancellationToken cancellationToken);
}
