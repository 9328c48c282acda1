using Platform.Core.Tenancy;

namespace Platform.Core.Outbound;

/// <summary>
/// Telegram counts a bot's sends across every process that uses its token, so the send-rate gate's state lives here
/// rather than in one process's memory: one row per bot (<see cref="ChatId"/> 0) and, optionally, per chat, holding the
/// theoretical arrival time of the next free slot (a generic cell rate algorithm). The table is UNLOGGED: after a
/// database crash the rows are gone and every gate simply starts fresh, which costs at most one burst.
/// </summary>
[GlobalEntity("Shared rate-gate state keyed by bot id (and chat id); holds no store data and is used before a store's session is set.")]
public sealed class SendRateSlot
{
    public Guid BotId { get; set; }

    /// <summary>0 for the bot-wide gate; a chat id for a per-chat gate.</summary>
    public long ChatId { get; set; }

    /// <summary>When the next message may go out without exceeding the rate (database clock).</summary>
    public DateTimeOffset TheoreticalArrival { get; set; }
}
