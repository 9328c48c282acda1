namespace Platform.TelegramSandbox.Control;

/// <summary>The buyer-side JSON control API under /sandbox/v1, one group per resource.</summary>
internal static class ControlEndpoints
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/sandbox/v1");
        BotEndpoints.Map(api.MapGroup("/bots"));
        StarTransactionEndpoints.Map(api.MapGroup("/bots/{botId:long}"));
        UserEndpoints.Map(api.MapGroup("/users"));
        // Every conversation call names its user and bot in the route, which the scope check covers.
        ConversationEndpoints.Map(api.MapGroup("/users/{userId:long}/bots/{botId:long}").WithMetadata(ScopedAccess.Allowed));
        PaymentEndpoints.Map(api.MapGroup("/users/{userId:long}"));
        ChannelEndpoints.Map(api);
        SystemEndpoints.Map(api);
        ScopeEndpoints.Map(api);
    }

    internal static IResult NotFound(string what) => Results.Json(new { error = $"{what} not found" }, statusCode: 404);

    internal static IResult BadRequest(string error) => Results.Json(new { error }, statusCode: 400);
}
