using System.Text.Json.Serialization;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Model;

/// <summary>A bot registered with the sandbox's BotFather.</summary>
internal sealed class BotRecord
{
    public long Id { get; set; }
    public string Token { get; set; } = "";
    public string Username { get; set; } = "";
    public string FirstName { get; set; } = "";
    /// <summary>The scope whose token created it (a store's test mode, docs/sandbox.md "Scoped access"); null: made with global access.</summary>
    public string? Scope { get; set; }
    public List<BotCommand> Commands { get; set; } = [];
    /// <summary>Menus set with a language_code (two letters → commands): Telegram shows a user the one for their language, else
    /// <see cref="Commands"/>.</summary>
    public Dictionary<string, List<BotCommand>> CommandsByLanguage { get; set; } = [];
    public WebhookState? Webhook { get; set; }
    /// <summary>Update kinds the bot asked for last (setWebhook or getUpdates); null means Telegram's default.</summary>
    public List<string>? AllowedUpdates { get; set; }
    public long NextUpdateId { get; set; } = 1;
    public List<Update> PendingUpdates { get; set; } = [];
    /// <summary>When each pending update was created, for the 24 h drop (keyed by update_id).</summary>
    public Dictionary<int, DateTimeOffset> UpdateCreatedAt { get; set; } = [];
    public long StarBalance { get; set; }
    /// <summary>The balance's fraction of a Star in nanostars (0 to 999,999,999), from income Telegram reports with nanostar_amount.</summary>
    public int StarNanostars { get; set; }
    public List<Telegram.Bot.Types.Payments.StarTransaction> Transactions { get; set; } = [];
    /// <summary>Conversations keyed by chat id: private chats (chat id = user id) and channels.</summary>
    public Dictionary<long, ChatLog> Chats { get; set; } = [];

    /// <summary>Bumped by every getUpdates so an older long poll knows it was superseded.</summary>
    [JsonIgnore] public long PollGeneration { get; set; }

    /// <summary>Sends refused with a 429 for the bot's own limit since the sandbox started (not saved): what replica tests count.</summary>
    [JsonIgnore] public long FloodRefusals { get; set; }

    /// <summary>Sends refused with a 429 for one chat's limit (the bot's was fine) since the sandbox started (not saved).</summary>
    [JsonIgnore] public long ChatFloodRefusals { get; set; }

    /// <summary>
    /// Chats whose updates are on the wire to the webhook (at most max_connections). Kept on the bot, not the
    /// webhook, so replacing the webhook mid-delivery cannot start a second delivery of the same updates.
    /// </summary>
    [JsonIgnore] public HashSet<long> DeliveringChats { get; } = [];

    [JsonIgnore] public bool WebhookDelivering => DeliveringChats.Count > 0;

    /// <summary>The bot as a message's sender or a chat member: getMe's capability fields are added by getMe alone.</summary>
    public User ToUser() => new() { Id = Id, IsBot = true, FirstName = FirstName, Username = Username };
}
