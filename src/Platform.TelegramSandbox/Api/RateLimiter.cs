using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Api;

/// <summary>
/// Telegram's flood control as token buckets on the sandbox clock: one per bot, one per (bot, chat).
/// Running on the sandbox clock makes 429s deterministic in tests and lets a test "wait" retry_after by advancing.
/// </summary>
internal sealed class RateLimiter(SandboxStore store, Microsoft.Extensions.Options.IOptions<SandboxOptions> options)
{
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = [];
    private readonly RateLimitOptions _limits = options.Value.RateLimits;

    /// <summary>
    /// Takes one message from both buckets or throws 429 with the seconds until it would fit; counts the refusal on the
    /// bot's record (the bot's own limit, else the chat's), which the control API shows.
    /// </summary>
    public void Take(BotRecord bot, long chatId)
    {
        if (!_limits.Enabled) return;
        lock (_buckets)
        {
            var now = store.Now;
            var botKey = $"b{bot.Id}";
            var chatKey = $"c{bot.Id}:{chatId}";
            var botWait = WaitFor(botKey, _limits.PerBotPerSecond, _limits.PerBotBurst, now);
            var chatWait = WaitFor(chatKey, _limits.PerChatPerSecond, _limits.PerChatBurst, now);
            var wait = Math.Max(botWait, chatWait);
            if (wait > 0)
            {
                if (botWait > 0) bot.FloodRefusals++;
                else bot.ChatFloodRefusals++;
                var seconds = (int)Math.Ceiling(wait);
                throw new BotApiException(429, $"Too Many Requests: retry after {seconds}", seconds);
            }
            Spend(botKey);
            Spend(chatKey);
        }
    }

    private double WaitFor(string key, double rate, int burst, DateTimeOffset now)
    {
        var (tokens, at) = _buckets.TryGetValue(key, out var b) ? b : (burst, now);
        tokens = Math.Min(burst, tokens + Math.Max(0, (now - at).TotalSeconds) * rate);
        _buckets[key] = (tokens, now);
        return tokens >= 1 ? 0 : (1 - tokens) / rate;
    }

    private void Spend(string key) => _buckets[key] = (_buckets[key].Tokens - 1, _buckets[key].At);
}
