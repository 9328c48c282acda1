using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Data;
using Platform.Core.Ledger;

namespace Platform.Web.Api;

/// <summary>
/// <c>GET /api/v1/ledger</c>: the store's Star movements newest first, filtered by bot, kind and time (from inclusive,
/// to exclusive, ISO 8601), paged (page from 0, pageSize ≤ 100). A bad kind, page or time range is a 400 with the field
/// named; another store's bot id is a 404.
/// </summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Balance");
        ledger.MapGet("", ListLedgerAsync).WithName("ListLedger").WithSummary("List ledger rows")
            .WithDescription("The store's Star movements newest first: `botId`, `kind` (payment, renewal, refund, withdrawal, "
                + "withdrawal_returned, other_income, other_spending, adjustment), `from` (inclusive) and `to` (exclusive) as ISO 8601 times, "
                + "`page` from 0 and `pageSize` 1–100 (default 25). Amounts are signed `{stars, nanostars}`: credits positive, debits negative. "
                + "A bad kind, page or range: 400; another store's bot: 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return ledger;
    }

    private static async Task<Results<Ok<LedgerPageResponse>, ProblemHttpResult>> ListLedgerAsync(
        Guid? botId, string? kind, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, LedgerReader reader, PlatformDbContext db,
        CancellationToken cancellationToken)
    {
        StarLedgerKind? parsed = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!ApiNames.TryParse<StarLedgerKind>(kind, out var value))
            {
                return ApiProblems.Invalid("kind", $"Use one of: {ApiNames.Allowed<StarLedgerKind>()}.");
            }

            parsed = value;
        }

        if (from is { } start && to is { } end && end < start)
        {
            return ApiProblems.Invalid("to", "to is before from.");
        }

        if (page < 0 || pageSize is < 1 or > LedgerFilter.MaxPageSize)
        {
            return ApiProblems.Invalid("page", $"page starts at 0; pageSize is 1 to {LedgerFilter.MaxPageSize}.");
        }

        if (botId is { } id && !await BalanceApi.StoreHasBotAsync(db, id, cancellationToken))
        {
            return ApiProblems.NotFound("Bot", id);
        }

        var result = await reader.ListAsync(new LedgerFilter
        {
            BotId = botId,
            Kind = parsed,
            From = from,
            To = to,
            Page = page ?? 0,
            PageSize = pageSize ?? LedgerFilter.DefaultPageSize,
        }, cancellationToken);
        return TypedResults.Ok(new LedgerPageResponse(result.Items.Select(LedgerEntryResponse.From), result.Page, result.PageSize, result.TotalCount));
    }
}
