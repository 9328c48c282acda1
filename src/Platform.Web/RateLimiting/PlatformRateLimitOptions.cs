using System.ComponentModel.DataAnnotations;

namespace Platform.Web.RateLimiting;

/// <summary>Limits for public endpoints, per client IP. Section "RateLimits".</summary>
public sealed class PlatformRateLimitOptions
{
    /// <summary>Sign-up, login and password-reset requests per client IP per window.</summary>
    [Range(1, 100_000)]
    public int AuthPermitLimit { get; set; } = 20;

    [Range(1, 3600)]
    public int AuthWindowSeconds { get; set; } = 60;
}
