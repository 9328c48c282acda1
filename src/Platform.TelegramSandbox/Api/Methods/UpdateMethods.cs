using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Model;
using Platform.TelegramSandbox.Time;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>Webhook management and getUpdates long polling.</summary>
internal static partial class UpdateMethods
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();

    public static void Register(IDictionary<string, MethodHandler> map)
    {
        map["setWebhook"] = (call, _) =>
        {
            var url = call.ReqStr("url");
            var secret = call.Str("secret_token");
            if (secret is not null && !SecretToken().IsMatch(secret)) throw BotApiException.BadRequest("secret token contains unallowed characters");
            var max = (int)(call.Long("max_connections") ?? 40);
            if (max is < 1 or > 100) throw BotApiException.BadRequest("invalid max_connections specified");
            var allowed = call.Json<string[]>("allowed_updates");
            // The sandbox accepts plain http too, so loopback receivers in tests and local runs work.
            if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                throw BotApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
            lock (call.Store.Sync)
            {
                var bot = call.Bot;
                if (call.Bool("drop_pending_updates") == true) Drop(bot);
                if (allowed is not null) bot.AllowedUpdates = [.. allowed];
                bot.Webhook = url.Length == 0 ? null : new WebhookState { Url = url, SecretToken = secret, MaxConnections = max };
                call.Store.Dirty = true;
                call.Store.Changed.Pulse();
            }
            return ValueTask.FromResult<object>(true);
        };
        map["deleteWebhook"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                if (call.Bool("drop_pending_updates") == true) Drop(call.Bot);
                call.Bot.Webhook = null;
                call.Store.Dirty = true;
            }
            return ValueTask.FromResult<object>(true);
        };
        map["getWebhookInfo"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                var hook = call.Bot.Webhook;
                return ValueTask.FromResult<object>(new WebhookInfo
                {
                    Url = hook?.Url ?? "",
                    HasCustomCertificate = false,
                    PendingUpdateCount = call.Bot.PendingUpdates.Count,
                    MaxConnections = hook?.MaxConnections,
                    LastErrorDate = hook?.LastErrorDate?.UtcDateTime,
                    LastErrorMessage = hook?.LastErrorMessage,
                    AllowedUpdates = hook is null ? null : call.Bot.AllowedUpdates?
                        .Select(k => Enum.TryParse<Telegram.Bot.Types.Enums.UpdateType>(k.Replace("_", ""), ignoreCase: true, out var kind) ? kind
                            : (Telegram.Bot.Types.Enums.UpdateType?)null)
                        .OfType<Telegram.Bot.Types.Enums.UpdateType>().ToArray(),
                });
            }
        };
        map["getUpdates"] = GetUpdatesAsync;
    }

    private static void Drop(BotRecord bot)
    {
        bot.PendingUpdates.Clear();
        bot.UpdateCreatedAt.Clear();
    }

    private static async ValueTask<object> GetUpdatesAsync(MethodCall call, CancellationToken ct)
    {
        var offset = call.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(call.Long("limit") ?? 100, 1, 100);
        var maxWait = call.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.MaxLongPollSeconds;
        var timeout = TimeSpan.FromSeconds(Math.Clamp(call.Long("timeout") ?? 0, 0, maxWait));
        var allowed = call.Json<string[]>("allowed_updates");
        long generation;
        lock (call.Store.Sync)
        {
            if (call.Bot.Webhook is not null)
                throw new BotApiException(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            if (allowed is not null) call.Bot.AllowedUpdates = allowed.Length == 0 ? null : [.. allowed];
            generation = ++call.Bot.PollGeneration;
            Confirm(call.Bot, offset);
        }
        call.Store.Changed.Pulse(); // wakes an older poll of this bot so it can answer 409 at once
        // Long poll in real time (it is a network wait, not sandbox time) but return as soon as something arrives.
        var giveUpAt = DateTime.UtcNow + timeout;
        while (true)
        {
            var next = call.Store.Changed.Next;
            lock (call.Store.Sync)
            {
                if (call.Bot.PollGeneration != generation)
                    throw new BotApiException(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                if (call.Bot.Webhook is not null)
                    throw new BotApiException(409,
                        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                var batch = offset < 0
                    ? call.Bot.PendingUpdates.TakeLast((int)Math.Min(-offset, limit)).ToArray()
                    : call.Bot.PendingUpdates.Take(limit).ToArray();
                var remaining = giveUpAt - DateTime.UtcNow;
                if (batch.Length > 0 || remaining <= TimeSpan.Zero) return batch;
            }
            await AsyncSignal.WaitAsync(next, giveUpAt - DateTime.UtcNow, ct);
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>An update counts as confirmed once getUpdates is called with a higher offset; negative offsets forget all but the last -offset.</summary>
    private static void Confirm(BotRecord bot, long offset)
    {
        var before = bot.PendingUpdates.Count;
        if (offset > 0) bot.PendingUpdates.RemoveAll(u => u.Id < offset);
        else if (offset < 0 && bot.PendingUpdates.Count > -offset) bot.PendingUpdates.RemoveRange(0, bot.PendingUpdates.Count - (int)-offset);
        if (bot.PendingUpdates.Count == before) return;
        var keep = bot.PendingUpdates.Select(u => u.Id).ToHashSet();
        foreach (var id in bot.UpdateCreatedAt.Keys.Where(k => !keep.Contains(k)).ToList()) bot.UpdateCreatedAt.Remove(id);
    }
}
