namespace Platform.Core.Files;

/// <summary>Section "Downloads".</summary>
public sealed class DownloadTokenOptions
{
    /// <summary>
    /// Base64 of at least 32 random bytes, shared by every replica. Required outside Development and
    /// Testing; there, when unset, a per-process key is made (links die on restart — fine locally).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a delivered link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
