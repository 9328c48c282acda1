using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Platform.Core.Outbound;
using Platform.Core.Telemetry;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Payments;

/// <summary>
/// The pre-checkout fast path, run by ingress right after the update is stored: validate and answer at once, so
/// the buyer waits milliseconds, not a job queue (Telegram gives up after 10 s and takes no Stars). How long the decision
/// and the answer took goes to <c>starfront_precheckout_duration_seconds</c> (the alert on its p99 watches that budget).
/// </summary>
public sealed class PreCheckoutAnswerer(PreCheckoutService service, BotCalls calls, ILogger<PreCheckoutAnswerer> logger)
{
    public async Task AnswerAsync(TenantInfo tenant, Guid botId, byte[] payload, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var query = JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options)?.PreCheckoutQuery;
        if (query is null || await service.DecideAsync(tenant, botId, query, cancellationToken) is not { } decision)
        {
            return;
        }

        await calls.CallAsync(botId, decision.TokenCiphertext, (client, ct) => decision.Error is null
            ? client.AnswerPreCheckoutQuery(query.Id, cancellationToken: ct)
            : client.AnswerPreCheckoutQuery(query.Id, decision.Error, ct), cancellationToken);
        BusinessMetrics.PreCheckoutAnswered(Stopwatch.GetElapsedTime(started), accepted: decision.Error is null);
        if (decision.Error is not null)
        {
            logger.LogInformation("Pre-checkout refused for bot {BotId}: {Reason}", botId, decision.Error);
        }
    }
}
