using Platform.Core.Bots;

namespace Platform.Web.Api;

/// <summary>
/// <c>/api/v1/bots</c>: register (token validated by getMe), list, status, re-sync, remove. Owner-only like the
/// portal's Bots page: a token is the bot.
/// </summary>
public static class BotsApi
{
    public static RouteGroupBuilder MapBotsApi(this RouteGroupBuilder api)
    {
        var bots = api.MapGroup("/bots").AddEndpointFilter<StoreOwnerApiFilter>();
        bots.MapPost("", async (RegisterBotRequest? body, BotRegistrationService registration, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(body?.Token))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Token required", detail: "Send {\"token\": \"<the token from @BotFather>\"}.");
            }

            var result = await registration.RegisterAsync(body.Token, cancellationToken);
            return result.Succeeded
                ? Results.Created($"/api/v1/bots/{result.Bot!.Id}", BotResponse.From(result.Bot))
                : Results.Problem(statusCode: StatusOf(result.Failure), title: "Bot not registered", detail: result.Error);
        });
        bots.MapGet("", async (BotRegistrationService registration, CancellationToken cancellationToken) =>
            Results.Ok((await registration.ListAsync(cancellationToken)).Select(BotResponse.From)));
        bots.MapGet("/{id:guid}", async (Guid id, BotRegistrationService registration, CancellationToken cancellationToken) =>
            await registration.StatusAsync(id, cancellationToken) is { } status
                ? Results.Ok(BotResponse.From(status))
                : ApiProblems.NotFound("Bot not found", $"This store has no bot {id}."));
        bots.MapPost("/{id:guid}/resync", async (Guid id, BotRegistrationService registration, CancellationToken cancellationToken) =>
        {
            // A failed sync is not an error of the call: the answer's status and lastError say what Telegram replied.
            await registration.ResyncAsync(id, cancellationToken);
            return await registration.StatusAsync(id, cancellationToken) is { } status
                ? Results.Ok(BotResponse.From(status))
                : ApiProblems.NotFound("Bot not found", $"This store has no bot {id}.");
        });
        bots.MapDelete("/{id:guid}", async (Guid id, BotRegistrationService registration, CancellationToken cancellationToken) =>
            await registration.RemoveAsync(id, cancellationToken)
                ? Results.NoContent()
                : ApiProblems.NotFound("Bot not found", $"This store has no bot {id}."));
        return api;
    }

    private static int StatusOf(BotRegistrationFailure failure) => failure switch
    {
        BotRegistrationFailure.TakenByAnotherStore => StatusCodes.Status409Conflict,
        BotRegistrationFailure.TelegramUnreachable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
