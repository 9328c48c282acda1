using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Bots;

namespace Platform.Web.Api;

/// <summary>
/// <c>/api/v1/bots</c>: register (token validated by getMe), list, status, re-sync, remove. Owner-only like the
/// portal's Bots page: a token is the bot. A refused token is 400, a bot serving another store 409, Telegram
/// unreachable 503.
/// </summary>
public static class BotsApi
{
    public static RouteGroupBuilder MapBotsApi(this IEndpointRouteBuilder api)
    {
        var bots = api.MapGroup("/bots").WithTags("Bots").AddEndpointFilter<StoreOwnerApiFilter>();
        bots.MapPost("", RegisterBotAsync).WithName("RegisterBot").WithSummary("Register a bot by its token")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        bots.MapGet("", ListBotsAsync).WithName("ListBots").WithSummary("List bots");
        bots.MapGet("/{id:guid}", GetBotAsync).WithName("GetBot").WithSummary("Get a bot's status").ProducesProblem(StatusCodes.Status404NotFound);
        bots.MapPost("/{id:guid}/resync", ResyncBotAsync).WithName("ResyncBot").WithSummary("Sync a bot with Telegram again")
            .ProducesProblem(StatusCodes.Status404NotFound);
        bots.MapDelete("/{id:guid}", RemoveBotAsync).WithName("RemoveBot").WithSummary("Remove a bot").ProducesProblem(StatusCodes.Status404NotFound);
        return bots;
    }

    private static async Task<Results<Created<BotResponse>, ProblemHttpResult>> RegisterBotAsync(
        RegisterBotRequest? body, BotRegistrationService registration, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Token))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Token required", "Send {\"token\": \"<the token from @BotFather>\"}.");
        }

        var result = await registration.RegisterAsync(body.Token, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/bots/{result.Value.Id}", BotResponse.From(result.Value))
            : ApiProblems.Failed(result.Failure, "Bot not registered");
    }

    private static async Task<Ok<IEnumerable<BotResponse>>> ListBotsAsync(BotRegistrationService registration, CancellationToken cancellationToken) =>
        TypedResults.Ok((await registration.ListAsync(cancellationToken)).Select(BotResponse.From));

    private static async Task<Results<Ok<BotResponse>, ProblemHttpResult>> GetBotAsync(Guid id, BotRegistrationService registration,
        CancellationToken cancellationToken) =>
        await registration.StatusAsync(id, cancellationToken) is { } status ? TypedResults.Ok(BotResponse.From(status)) : NotFound(id);

    private static async Task<Results<Ok<BotResponse>, ProblemHttpResult>> ResyncBotAsync(Guid id, BotRegistrationService registration,
        CancellationToken cancellationToken)
    {
        // A failed sync is not an error of the call: the answer's status and lastError say what Telegram replied.
        await registration.ResyncAsync(id, cancellationToken);
        return await registration.StatusAsync(id, cancellationToken) is { } status ? TypedResults.Ok(BotResponse.From(status)) : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveBotAsync(Guid id, BotRegistrationService registration,
        CancellationToken cancellationToken) =>
        await registration.RemoveAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Bot not found", $"This store has no bot {id}.");
}
