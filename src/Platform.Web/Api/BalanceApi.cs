using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Ledger;

namespace Platform.Web.Api;

/// <summary>
/// <c>GET /api/v1/balance</c> (optional <c>botId</c>): per bot what it earned, what is on hold, what is withdrawable now
/// and when the rest frees up, as the Balance page shows it. A read API like orders: any token of the store may call it;
/// another store's bot id is a 404 (the tenant filter hides it).
/// </summary>
public static class BalanceApi
{
    public static RouteGroupBuilder MapBalanceApi(this IEndpointRouteBuilder api)
    {
        var balance = api.MapGroup("/balance").WithTags("Balance");
        balance.MapGet("", GetBalanceAsync).WithName("GetBalance").WithSummary("Balances, withdrawable Stars and release schedule per bot")
            .WithDescription("Per bot (all of the store's, or `botId`): earned (sales, renewals, other income), refunded, withdrawn, balance, "
                + "on hold, withdrawable now, the minimum Fragment accepts and whether it is reached, the next release instant and the release "
                + "schedule by UTC date. Every amount is `{stars, nanostars}` like Telegram's StarAmount: whole Stars rounded toward zero and "
                + "the rest in nanostars (10⁻⁹ Star, same sign; 0 unless Telegram reported fractional income). Another store's bot: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return balance;
    }

    private static async Task<Results<Ok<BalanceResponse>, ProblemHttpResult>> GetBalanceAsync(
        Guid? botId, BalanceReader reader, TimeProvider time, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        if (botId is { } id)
        {
            return await reader.ForBotAsync(id, cancellationToken, at) is { } one
                ? TypedResults.Ok(new BalanceResponse(at, [BotBalanceResponse.From(one)]))
                : ApiProblems.NotFound("Bot", id);
        }

        var all = await reader.ForStoreAsync(cancellationToken, at);
        return TypedResults.Ok(new BalanceResponse(at, [.. all.Select(BotBalanceResponse.From)]));
    }

    /// <summary>Whether the current store has the bot (removed ones too: their history stays on the ledger).</summary>
    internal static Task<bool> StoreHasBotAsync(PlatformDbContext db, Guid botId, CancellationToken cancellationToken) =>
        db.Bots.AnyAsync(b => b.Id == botId, cancellationToken);
}
