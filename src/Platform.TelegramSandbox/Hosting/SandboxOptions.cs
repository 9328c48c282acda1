namespace Platform.TelegramSandbox.Hosting;

/// <summary>Knobs for one sandbox instance (bound from the "Sandbox" configuration section).</summary>
public sealed class SandboxOptions
{
    /// <summary>Optional JSON file the state is loaded from at start and saved to while running.</summary>
    public string? StateFile { get; set; }

    /// <summary>Telegram's flood limits; on by default like Telegram's.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>How long a webhook receiver may take before the attempt counts as failed (real time).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Lets the control API (and the platform's /dev/emails) answer other machines that send it in
    /// <see cref="LocalOnlyAccess.HeaderName"/>; empty (the default): this machine only. At least 16 characters.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>Longest getUpdates long poll accepted, in seconds (Telegram allows 50).</summary>
    public int MaxLongPollSeconds { get; set; } = 50;
}
