using Microsoft.AspNetCore.Http.Features;
using Platform.Core.Bots;
using Platform.Core.Inbox;
using Platform.Core.Payments;
using Platform.Core.Tenancy;

namespace Platform.Web.Telegram;

/// <summary>
/// <c>POST /telegram/{botId}</c>: Telegram's webhook. Order of checks: the bot's route (cached) → the secret header
/// in constant time (403 before the body is read) → size limit and JSON shape (400, nothing stored) → the durable
/// group-commit insert → 200. Pre-checkout queries are then answered on the spot (fast path); everything else
/// is left to the inbox processor jobs.
/// </summary>
public static class TelegramIngressEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    /// <summary>
    /// Far above anything Telegram sends (a message is at most 4,096 characters), so no real update is ever refused:
    /// a refused update is redelivered with back-off and holds up every later update of its bot.
    /// </summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public const string PathPrefix = "/telegram";

    /// <summary>
    /// A branch of its own ahead of the portal's middleware: authentication (OpenIddict inspects every request it
    /// sees), tenant resolution, rate limiting, antiforgery, status pages and routing do nothing for Telegram's
    /// webhook but cost CPU on every update — and updates are the platform's busiest traffic.
    /// </summary>
    public static IApplicationBuilder UseTelegramIngress(this IApplicationBuilder app) =>
        app.Map(PathPrefix, branch => branch.Run(DispatchAsync));

    private static async Task DispatchAsync(HttpContext http)
    {
        var segment = http.Request.Path.Value.AsSpan().TrimStart('/');
        if (!Guid.TryParse(segment, out var botId))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "POST";
            return;
        }

        var services = http.RequestServices;
        var result = await HandleAsync(botId, http, services.GetRequiredService<BotDirectory>(), services.GetRequiredService<ITenantStore>(),
            services.GetRequiredService<InboxWriter>(), services.GetRequiredService<PreCheckoutAnswerer>(), services.GetRequiredService<ILoggerFactory>(),
            http.RequestAborted);
        await result.ExecuteAsync(http);
    }

    private static async Task<IResult> HandleAsync(
        Guid botId, HttpContext http, BotDirectory directory, ITenantStore tenants, InboxWriter inbox, PreCheckoutAnswerer preCheckout,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Platform.Web.Telegram.Ingress");
        var bot = await directory.FindAsync(botId, cancellationToken);
        if (bot is null)
        {
            return Results.NotFound();
        }

        var presented = http.Request.Headers[SecretHeader].ToString();
        if (!BotSecrets.SecretMatches(bot.WebhookSecret, presented))
        {
            bot = await directory.RefreshIfStaleAsync(bot, cancellationToken);
            if (bot is null || !BotSecrets.SecretMatches(bot.WebhookSecret, presented))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        var body = await ReadBodyAsync(http, cancellationToken);
        var envelope = body is null ? null : UpdateEnvelope.TryParse(body);
        if (body is null || envelope is null)
        {
            // The URL carries no token and the body is not logged: nothing secret can reach the log here.
            logger.LogWarning("Refused an update for bot {BotId}: {Reason}", botId, body is null ? "body over the size limit" : "malformed JSON");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: body is null ? "Update too large" : "Malformed update");
        }

        try
        {
            await inbox.WriteAsync(bot.TenantId, botId, envelope, body, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not store update {UpdateId} of bot {BotId}", envelope.UpdateId, botId);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again");
        }

        if (envelope.IsPreCheckout && await tenants.FindByIdAsync(bot.TenantId, cancellationToken) is { } tenant)
        {
            try
            {
                await preCheckout.AnswerAsync(tenant, botId, body, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Stored already; without an answer Telegram times out and no Stars move.
                logger.LogError(e, "Answering pre-checkout of bot {BotId} failed", botId);
            }
        }

        return Results.Ok();
    }

    /// <summary>Null when the body is larger than <see cref="MaxBodyBytes"/> (by header or by counting).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        using var buffer = new MemoryStream(capacity: (int)(http.Request.ContentLength ?? 4096));
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
