using System.Security.Cryptography;
using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Control;

/// <summary>BotFather (create bots), bot overview and simulated Star withdrawals.</summary>
internal static class BotEndpoints
{
    internal sealed record CreateBot(string? Username, string? FirstName);
    internal sealed record Withdrawal(int Amount, string? State, string? Url);

    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", (CreateBot body, SandboxStore store, HttpContext http) =>
        {
            lock (store.Sync)
            {
                var id = store.Data.NextBotId++;
                var username = body.Username ?? $"sandbox{id % 100000}_bot";
                if (!username.EndsWith("bot", StringComparison.OrdinalIgnoreCase)) return ControlEndpoints.BadRequest("username must end in 'bot'");
                if (store.Data.Bots.Values.Any(b => string.Equals(b.Username, username, StringComparison.OrdinalIgnoreCase)))
                    return ControlEndpoints.BadRequest("username is already taken");
                // Telegram's shape: "<bot id>:<35 characters>".
                var bot = new BotRecord
                {
                    Id = id,
                    Username = username,
                    FirstName = body.FirstName ?? username,
                    Token = $"{id}:AA{RandomNumberGenerator.GetString(TokenAlphabet, 33)}",
                    Scope = ScopedAccess.Of(http),
                };
                store.Data.Bots[id] = bot;
                store.Dirty = true;
                return Results.Json(new { bot.Id, bot.Username, bot.FirstName, bot.Token }, statusCode: 201);
            }
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapGet("", (SandboxStore store, HttpContext http) =>
        {
            var scope = ScopedAccess.Of(http);
            lock (store.Sync) return Results.Json(store.Data.Bots.Values.Where(b => ScopedAccess.Sees(scope, b.Scope)).Select(Summary).ToList());
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapGet("/{botId:long}", (long botId, SandboxStore store) =>
        {
            lock (store.Sync)
                return store.Data.Bots.TryGetValue(botId, out var bot) ? Results.Json(Summary(bot)) : ControlEndpoints.NotFound("bot");
        }).WithMetadata(ScopedAccess.Allowed);
        group.MapPost("/{botId:long}/withdrawals", (long botId, Withdrawal body, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Data.Bots.TryGetValue(botId, out var bot)) return ControlEndpoints.NotFound("bot");
                if (body.Amount < 1) return ControlEndpoints.BadRequest("amount must be positive");
                RevenueWithdrawalState state = (body.State ?? "succeeded") switch
                {
                    "pending" => new RevenueWithdrawalStatePending(),
                    "failed" => new RevenueWithdrawalStateFailed(),
                    "succeeded" => new RevenueWithdrawalStateSucceeded { Date = store.Now.UtcDateTime, Url = body.Url ?? "https://fragment.com/" },
                    _ => null!,
                };
                if (state is null) return ControlEndpoints.BadRequest("state must be pending, succeeded or failed");
                // A failed withdrawal gives the Stars back, so only the others reduce the balance.
                var debit = state is RevenueWithdrawalStateFailed ? 0 : body.Amount;
                if (bot.StarBalance < debit) return ControlEndpoints.BadRequest("not enough Stars on the bot's balance");
                bot.StarBalance -= debit;
                var id = store.NewId("wd");
                bot.Transactions.Add(new StarTransaction
                {
                    Id = id,
                    Amount = body.Amount,
                    Date = store.Now.UtcDateTime,
                    Receiver = new TransactionPartnerFragment { WithdrawalState = state },
                });
                store.Dirty = true;
                return Results.Json(new { transaction_id = id, star_balance = bot.StarBalance }, statusCode: 201);
            }
        });
    }

    private static object Summary(BotRecord bot) => new
    {
        bot.Id,
        bot.Username,
        bot.FirstName,
        bot.StarBalance,
        PendingUpdateCount = bot.PendingUpdates.Count,
        bot.FloodRefusals,
        bot.ChatFloodRefusals,
        Webhook = bot.Webhook is { } hook
            ? new
            {
                hook.Url,
                hook.FailedAttempts,
                next_attempt_at = hook.NextAttemptAt?.ToUnixTimeSeconds(),
                delivering = bot.WebhookDelivering,
                hook.LastErrorMessage
            }
            : null,
        Commands = bot.Commands.Select(c => new { c.Command, c.Description }),
        CommandsByLanguage = bot.CommandsByLanguage.ToDictionary(l => l.Key, l => l.Value.Select(c => new { c.Command, c.Description })),
    };
}
