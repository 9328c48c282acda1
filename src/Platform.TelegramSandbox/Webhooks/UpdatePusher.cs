using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.TelegramSandbox.Api;
using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Model;
using Platform.TelegramSandbox.Time;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Webhooks;

/// <summary>
/// POSTs pending updates to each bot's webhook. Per chat, updates go one at a time and in order;
/// different chats go in parallel up to max_connections. Any non-2xx or timeout is retried with a
/// growing delay on the sandbox clock; updates older than 24 h (sandbox time) are dropped. Named apart from the
/// platform's <c>WebhookDispatcher</c> (which sends merchants' event webhooks) so the two never read as one.
/// </summary>
internal sealed class UpdatePusher(SandboxStore store, IOptions<SandboxOptions> options, IServiceProvider services, ILogger<UpdatePusher> logger)
    : BackgroundService
{
    public static readonly TimeSpan DropAfter = TimeSpan.FromHours(24);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };

    public static TimeSpan RetryDelay(int failedAttempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Max(0, failedAttempts - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = store.Changed.Next;
            var wait = TimeSpan.FromSeconds(1);
            var work = new List<(BotRecord Bot, WebhookState Hook, long Chat, List<Update> Updates)>();
            lock (store.Sync)
            {
                foreach (var bot in store.Data.Bots.Values)
                {
                    if (bot.Webhook is not { } hook || bot.PendingUpdates.Count == 0) continue;
                    DropExpired(bot);
                    if (hook.NextAttemptAt is { } at && at > store.Now)
                    {
                        if (!store.Clock.IsFrozen && at - store.Now < wait) wait = at - store.Now;
                        continue;
                    }
                    // Like Telegram's connections: each chat's updates go one at a time and in order, up to
                    // max_connections chats at once, and a chat is started as soon as a connection is free — a
                    // chat never waits for other chats' deliveries to finish.
                    var free = hook.MaxConnections - bot.DeliveringChats.Count;
                    foreach (var chat in bot.PendingUpdates.GroupBy(ChatKey).Where(g => !bot.DeliveringChats.Contains(g.Key)).Take(Math.Max(0, free)))
                    {
                        bot.DeliveringChats.Add(chat.Key);
                        work.Add((bot, hook, chat.Key, chat.ToList()));
                    }
                }
            }
            foreach (var (bot, hook, chat, updates) in work) _ = DeliverAsync(bot, hook, chat, updates, stoppingToken);
            try { await AsyncSignal.WaitAsync(next, wait, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void DropExpired(BotRecord bot)
    {
        var dropped = bot.PendingUpdates.RemoveAll(u => !bot.DeliveringChats.Contains(ChatKey(u))
            && bot.UpdateCreatedAt.TryGetValue(u.Id, out var created) && store.Now - created >= DropAfter);
        if (dropped == 0) return;
        foreach (var id in bot.UpdateCreatedAt.Keys.Where(id => bot.PendingUpdates.All(u => u.Id != id)).ToList()) bot.UpdateCreatedAt.Remove(id);
        store.Dirty = true;
    }

    private async Task DeliverAsync(BotRecord bot, WebhookState hook, long chat, List<Update> updates, CancellationToken ct)
    {
        var delivered = new List<int>();
        string? error = null;
        try
        {
            foreach (var update in updates)
            {
                error = await PostAsync(bot, hook, update, ct);
                if (error is not null) break;
                delivered.Add(update.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
        }
        lock (store.Sync)
        {
            bot.DeliveringChats.Remove(chat);
            bot.PendingUpdates.RemoveAll(u => delivered.Contains(u.Id));
            foreach (var id in delivered) bot.UpdateCreatedAt.Remove(id);
            if (error is not null && ReferenceEquals(bot.Webhook, hook))
            {
                hook.FailedAttempts++;
                hook.LastErrorDate = store.Now;
                hook.LastErrorMessage = error;
                hook.NextAttemptAt = store.Now + RetryDelay(hook.FailedAttempts);
            }
            else if (error is null && (hook.NextAttemptAt is null || hook.NextAttemptAt <= store.Now))
            {
                // A success ends the back-off, unless another chat's failure started one meanwhile.
                hook.FailedAttempts = 0;
                hook.NextAttemptAt = null;
            }
            store.Dirty = true;
        }
        store.Changed.Pulse();
    }

    /// <summary>Returns null on success, else Telegram's wording for the failure.</summary>
    private async Task<string?> PostAsync(BotRecord bot, WebhookState hook, Update update, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(update, SandboxJson.Options)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (hook.SecretToken is { } secret) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode) return $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
                await WebhookReplyMethod.RunAsync(store, bot, await response.Content.ReadAsStringAsync(timeout.Token), services, ct);
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return "Read timeout expired";
        }
        catch (HttpRequestException e)
        {
            logger.LogDebug(e, "Webhook delivery failed");
            return "Connection refused";
        }
    }

    private static long ChatKey(Update u) =>
        u.Message?.Chat.Id ?? u.CallbackQuery?.From.Id ?? u.PreCheckoutQuery?.From.Id
        ?? u.ChatMember?.Chat.Id ?? u.MyChatMember?.Chat.Id ?? u.ChatJoinRequest?.From.Id ?? -u.Id;

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
