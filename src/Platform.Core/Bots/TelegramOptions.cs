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

    /// <summary>
    /// Messages one bot may send at once before the per-second pace applies (a token bucket of this size). Telegram
    /// counts messages per second, not gaps between them: ten buyers paying in the same second must not wait
    /// 33 ms × their position for their goods. A 429 beyond that is still honoured.
    /// </summary>
    public int PerBotBurst { get; set; } = 30;

    /// <summary>
    /// Whether the bot-wide gate is shared by every process through PostgreSQL (<see cref="Outbound.SharedSendGate"/>,
    /// default on). Off, each process paces a bot on its own, so N replicas together may send N × 30/s for one bot and
    /// lean on Telegram's 429s; only for a single-process deployment that wants to spare the round trip, and for tests.
    /// </summary>
    public bool SharedSendGate { get; set; } = true;

    /// <summary>Messages per second to one chat (Telegram allows about 1; a short burst is tolerated).</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    public int PerChatBurst { get; set; } = 3;

    /// <summary>
    /// Chats of one bot a processor job works on at once (each chat's updates stay in order). The work is mostly
    /// waiting on PostgreSQL and Telegram, so this is well above the core count.
    /// </summary>
    public int ProcessorChatParallelism { get; set; } = 16;

    /// <summary>
    /// While a processor job is busy with some chats, how often it looks for chats whose updates arrived meanwhile
    /// (one indexed query) when no signal woke it first. The ingress signals new updates through LISTEN/NOTIFY
    /// (<see cref="Inbox.InboxSignals"/>), so this is only the safety net for a lost signal.
    /// </summary>
    public TimeSpan ProcessorPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Updates one process handles at once across all its processor jobs (<see cref="Outbound.ProcessorThrottle"/>); 0 means three
    /// per core. A handler waiting on Telegram's limits does not count.
    /// </summary>
    public int ProcessorMaxConcurrentUpdates { get; set; }

    /// <summary>
    /// Pre-checkout decisions one process makes at once (<see cref="Payments.PreCheckoutService"/>); 0 means two per
    /// core. A rush sends every buyer's pre_checkout_query at the same moment: without a bound each opens its own
    /// PostgreSQL connection, the pool grows by dozens of fresh backends (a fork each, and catalog caches that start
    /// cold, so every statement on them is planned slowly) just when the cores are busiest. Queued here, they reuse a
    /// few warm connections; one decision is well under a millisecond of database work.
    /// </summary>
    public int PreCheckoutMaxConcurrency { get; set; }

    /// <summary>
    /// Bots whose processors one job-server process runs at once from inbox signals (<see cref="Inbox.InboxProcessorHost"/>);
    /// each holds a lock connection while it runs, from the same pool as the inbox writer. Others wait their turn.
    /// </summary>
    public int ProcessorMaxBotsAtOnce { get; set; } = 20;
}
