using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Platform.TelegramSandbox.Time;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Model;

/// <summary>
/// The single lock around all sandbox state plus the helpers every feature shares. One lock keeps the
/// model obviously correct; the sandbox serves a handful of bots, so contention is not a concern.
/// </summary>
public sealed class SandboxStore(SandboxClock clock)
{
    internal object Sync { get; } = new();
    internal SandboxData Data { get; set; } = new();
    public SandboxClock Clock { get; } = clock;

    /// <summary>Pulsed on anything a waiter might care about: new updates, answers, clock moves.</summary>
    internal AsyncSignal Changed { get; } = new();

    /// <summary>Set when state changed since the last save.</summary>
    internal bool Dirty { get; set; }

    internal DateTimeOffset Now => Clock.GetUtcNow();

    internal string NewId(string prefix) => $"{prefix}{Data.Sequence()}{Convert.ToHexString(Guid.NewGuid().ToByteArray()[..6]).ToLowerInvariant()}";

    internal BotRecord? FindBotByToken(string token) =>
        Data.Bots.Values.FirstOrDefault(b => string.Equals(b.Token, token, StringComparison.Ordinal));

    [SuppressMessage("Performance", "CA1822", Justification =
        "A store operation: callers write store.ChatOf(bot, id) like the store's other lookups.")]
    internal ChatLog ChatOf(BotRecord bot, long chatId)
    {
        if (!bot.Chats.TryGetValue(chatId, out var log)) bot.Chats[chatId] = log = new ChatLog { ChatId = chatId };
        return log;
    }

    /// <summary>Appends a message to a chat with the next message id and the clock's date.</summary>
    internal Message AddMessage(BotRecord bot, Chat chat, User from, Action<Message> fill)
    {
        var log = ChatOf(bot, chat.Id);
        var message = new Message { Id = log.NextMessageId++, Date = Now.UtcDateTime, Chat = chat, From = from };
        fill(message);
        log.Messages.Add(message);
        Dirty = true;
        return message;
    }

    /// <summary>Queues an update for the bot unless its allowed_updates filter excludes that kind.</summary>
    internal void Enqueue(BotRecord bot, Update update)
    {
        var kind = KindOf(update);
        IReadOnlyCollection<string> allowed = bot.AllowedUpdates is { Count: > 0 } list ? list : DefaultAllowed;
        if (!allowed.Contains(kind)) return;
        // A snapshot, as Telegram sends it: later edits to the chat must not rewrite a queued update.
        var copy = JsonSerializer.Deserialize<Update>(JsonSerializer.SerializeToUtf8Bytes(update, JsonBotAPI.Options), JsonBotAPI.Options)!;
        copy.Id = checked((int)bot.NextUpdateId++);
        bot.PendingUpdates.Add(copy);
        bot.UpdateCreatedAt[copy.Id] = Now;
        Dirty = true;
        Changed.Pulse();
    }

    /// <summary>Telegram's default when allowed_updates was never given: everything but these three.</summary>
    internal static readonly string[] DefaultAllowed =
        Enum.GetValues<UpdateType>().Where(t => t != UpdateType.Unknown).Select(SnakeName)
            .Except(["chat_member", "message_reaction", "message_reaction_count"]).ToArray();

    internal static string KindOf(Update update) => SnakeName(update.Type);

    private static string SnakeName(UpdateType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());
}
