namespace Platform.Core.Bots;

/// <summary>
/// Where the Bot API lives (<c>Telegram:BaseUrl</c>): live Telegram by default, the sandbox in the local run
/// and tests. The one switch between them.
/// </summary>
public sealed class TelegramOptions
{
    public const string LiveBaseUrl = "https://api.telegram.org";

    public string BaseUrl { get; set; } = LiveBaseUrl;

    /// <summary>Messages per second one bot may send (Telegram allows about 30).</summary>
    public double PerBotMessagesPerSecond { get; set; } = 30;

    /// <summary>Messages per second to one chat (Telegram allows about 1; a short burst is tolerated).</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    public int PerChatBurst { get; set; } = 3;

    /// <summary>How long a processor job waits before enqueueing another for the same bot (trailing edge).</summary>
    public TimeSpan ProcessorEnqueueWindow { get; set; } = TimeSpan.FromMilliseconds(50);
}
