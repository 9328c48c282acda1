using System.Security.Cryptography;

namespace Platform.TelegramSandbox.Model;

/// <summary>
/// Everything the sandbox knows. Plain mutable classes so the whole graph can be saved to and
/// loaded from one JSON file; only ever touched while holding <see cref="SandboxStore.Sync"/>.
/// </summary>
internal sealed class SandboxData
{
    public long NextBotId { get; set; } = 7_000_000_001;
    public long NextUserId { get; set; } = 100_000_001;
    public long NextChannelId { get; set; } = -1_001_000_000_001;
    public long NextSequence { get; set; } = 1;
    /// <summary>The sandbox clock when saved, so advanced time is not lost across a restart.</summary>
    public DateTimeOffset? SavedAt { get; set; }
    public Dictionary<long, BotRecord> Bots { get; set; } = [];
    public Dictionary<long, UserRecord> Users { get; set; } = [];
    public Dictionary<long, ChannelRecord> Channels { get; set; } = [];
    public Dictionary<string, SandboxFile> Files { get; set; } = [];
    public Dictionary<string, InvoiceRecord> InvoiceLinks { get; set; } = [];
    public Dictionary<string, PreCheckoutRecord> PreCheckouts { get; set; } = [];
    public Dictionary<string, ChargeRecord> Charges { get; set; } = [];
    public Dictionary<string, SubscriptionRecord> Subscriptions { get; set; } = [];
    public Dictionary<string, CallbackRecord> Callbacks { get; set; } = [];

    /// <summary>
    /// The key scoped tokens are derived under (<see cref="Hosting.SandboxScopes"/>), random per state: saved with it so
    /// tokens outlive a restart, and gone with a reset, which also forgets every scope's bots and buyers.
    /// </summary>
    public string ScopeKey { get; set; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A process-unique, monotonically increasing number for ids and links.</summary>
    public long Sequence() => NextSequence++;
}
