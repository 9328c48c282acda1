using System.ComponentModel.DataAnnotations;

namespace Platform.Web.RateLimiting;

/// <summary>Limits for public endpoints, per client IP. Section "RateLimits".</summary>
public sealed class PlatformRateLimitOptions
{
    /// <summary>Sign-up, login, password-reset and invitation POSTs (attempts, not page views) per client IP per window.</summary>
    [Range(1, 100_000)]
    public int AuthPermitLimit { get; set; } = 20;

    [Range(1, 3600)]
    public int AuthWindowSeconds { get; set; } = 60;

    /// <summary>
    /// <c>/d/</c> requests per client IP per minute. Generous: download managers open several range requests, and
    /// many buyers can share a carrier NAT address; the per-order download limit is the real bound.
    /// </summary>
    [Range(1, 1_000_000)]
    public int DownloadPermitLimit { get; set; } = 120;
}
