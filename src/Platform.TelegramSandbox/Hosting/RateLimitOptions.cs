namespace Platform.TelegramSandbox.Hosting;

/// <summary>
/// Token buckets on the sandbox clock: about 30 messages/s per bot overall and about 1/s per chat,
/// with a small burst allowance, as Telegram documents.
/// </summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    public double PerBotPerSecond { get; set; } = 30;
    public int PerBotBurst { get; set; } = 30;
    public double PerChatPerSecond { get; set; } = 1;
    public int PerChatBurst { get; set; } = 3;
}
