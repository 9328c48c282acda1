using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Control;

/// <summary>
/// The rest of a bot's Star history, for reconciliation tests: a withdrawal that ends (Telegram changes its state in
/// place, same transaction id; a failed one gives the Stars back), and transactions the platform never started (paid
/// media, business transfers, affiliate commissions, gifts, ads, paid broadcasts, and payments it never heard of). Each
/// keeps the bot's balance (whole Stars plus nanostars) equal to what its transactions say.
/// </summary>
internal static class StarTransactionEndpoints
{
    internal sealed record StateChange(string? State, string? Url);

    internal sealed record NewTransaction(string? Partner, long Amount, int? NanostarAmount, string? Id, long? UserId);

    private const long N = 1_000_000_000;

    /// <summary>The partner words the endpoint takes: true for Stars coming in.</summary>
    private static readonly Dictionary<string, bool> Partners = new(StringComparer.Ordinal)
    {
        ["invoice_payment"] = true,
        ["paid_media_payment"] = true,
        ["business_account_transfer"] = true,
        ["affiliate_program"] = true,
        ["gift_purchase"] = false,
        ["telegram_ads"] = false,
        ["telegram_api"] = false,
    };

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/withdrawals/{transactionId}/state", (long botId, string transactionId, StateChange body, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Data.Bots.TryGetValue(botId, out var bot)) return ControlEndpoints.NotFound("bot");
                var transaction = bot.Transactions.FirstOrDefault(t => t.Id == transactionId && t.Receiver is TransactionPartnerFragment);
                if (transaction?.Receiver is not TransactionPartnerFragment fragment) return ControlEndpoints.NotFound("withdrawal");
                var current = StateName(fragment.WithdrawalState);
                if (body.State is not ("pending" or "succeeded" or "failed")) return ControlEndpoints.BadRequest("state must be pending, succeeded or failed");
                if (body.State == current) return Results.Json(new { transaction_id = transaction.Id, state = current, star_balance = bot.StarBalance });
                if (current != "pending") return ControlEndpoints.BadRequest($"the withdrawal has {current}: only a pending one changes");
                if (body.State == "succeeded")
                {
                    fragment.WithdrawalState = new RevenueWithdrawalStateSucceeded { Date = store.Now.UtcDateTime, Url = body.Url ?? "https://fragment.com/" };
                }
                else
                {
                    fragment.WithdrawalState = new RevenueWithdrawalStateFailed();
                    SetTotal(bot, Total(bot) + (transaction.Amount * N) + (transaction.NanostarAmount ?? 0));
                }

                store.Dirty = true;
                return Results.Json(new { transaction_id = transaction.Id, state = body.State, star_balance = bot.StarBalance });
            }
        });
        group.MapPost("/star-transactions", (long botId, NewTransaction body, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Data.Bots.TryGetValue(botId, out var bot)) return ControlEndpoints.NotFound("bot");
                if (body.Partner is null || !Partners.TryGetValue(body.Partner, out var incoming))
                    return ControlEndpoints.BadRequest($"partner must be one of {string.Join(", ", Partners.Keys)}");
                var nanos = body.NanostarAmount ?? 0;
                if (body.Amount < 0 || body.Amount > 1_000_000_000 || nanos is < 0 or >= (int)N || body.Amount * N + nanos == 0)
                    return ControlEndpoints.BadRequest("amount must be positive (nanostar_amount 0 to 999999999)");
                var total = (body.Amount * N) + nanos;
                if (!incoming && Total(bot) < total) return ControlEndpoints.BadRequest("not enough Stars on the bot's balance");
                User? user = null;
                if (body.UserId is { } userId)
                {
                    if (!store.Data.Users.TryGetValue(userId, out var record)) return ControlEndpoints.NotFound("user");
                    user = record.ToUser();
                }

                var id = body.Id ?? store.NewId(incoming ? "stxo" : "stxs");
                if (id.Length is 0 or > 128) return ControlEndpoints.BadRequest("id must be 1 to 128 characters");
                if (bot.Transactions.Any(t => t.Id == id && (t.Source is not null) == incoming))
                    return ControlEndpoints.BadRequest("the bot already has a transaction with this id in that direction");
                var partner = Partner(body.Partner, user ?? new User { Id = 777000, FirstName = "Telegram user" });
                SetTotal(bot, Total(bot) + (incoming ? total : -total));
                bot.Transactions.Add(new StarTransaction
                {
                    Id = id,
                    Amount = (int)body.Amount,
                    NanostarAmount = nanos == 0 ? null : nanos,
                    Date = store.Now.UtcDateTime,
                    Source = incoming ? partner : null,
                    Receiver = incoming ? null : partner,
                });
                store.Dirty = true;
                return Results.Json(new { transaction_id = id, star_balance = bot.StarBalance, star_nanostars = bot.StarNanostars }, statusCode: 201);
            }
        });
    }

    private static TransactionPartner Partner(string partner, User user) => partner switch
    {
        "invoice_payment" => new TransactionPartnerUser { TransactionType = TransactionPartnerUserTransactionType.InvoicePayment, User = user },
        "paid_media_payment" => new TransactionPartnerUser { TransactionType = TransactionPartnerUserTransactionType.PaidMediaPayment, User = user },
        "business_account_transfer" => new TransactionPartnerUser
        {
            TransactionType = TransactionPartnerUserTransactionType.BusinessAccountTransfer,
            User = user,
        },
        "gift_purchase" => new TransactionPartnerUser { TransactionType = TransactionPartnerUserTransactionType.GiftPurchase, User = user },
        "affiliate_program" => new TransactionPartnerAffiliateProgram { CommissionPerMille = 100 },
        "telegram_ads" => new TransactionPartnerTelegramAds(),
        _ => new TransactionPartnerTelegramApi { RequestCount = 1 },
    };

    private static string StateName(RevenueWithdrawalState? state) => state switch
    {
        RevenueWithdrawalStateSucceeded => "succeeded",
        RevenueWithdrawalStateFailed => "failed",
        _ => "pending",
    };

    private static long Total(BotRecord bot) => (bot.StarBalance * N) + bot.StarNanostars;

    private static void SetTotal(BotRecord bot, long total)
    {
        bot.StarBalance = total / N;
        bot.StarNanostars = (int)(total % N);
    }
}
