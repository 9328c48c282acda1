using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Bots;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Payments;

/// <summary>
/// The pre-checkout fast path, run by ingress right after the update is stored: validate and answer at once, so
/// the buyer waits milliseconds, not a job queue (Telegram gives up after 10 s and takes no Stars).
/// </summary>
public sealed class PreCheckoutAnswerer(TenantScopeFactory scopes, TelegramClientFactory clients, BotSecrets secrets, BotSender sender, ILogger<PreCheckoutAnswerer> logger)
{
    public async Task AnswerAsync(TenantInfo tenant, Guid botId, byte[] payload, CancellationToken cancellationToken)
    {
        var query = JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options)?.PreCheckoutQuery;
        if (query is null)
        {
            return;
        }

        await using var scope = scopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<Data.PlatformDbContext>();
        var token = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Bots.Where(b => b.Id == botId).Select(b => b.TokenCiphertext), cancellationToken);
        if (token is null)
        {
            return;
        }

        var error = await scope.ServiceProvider.GetRequiredService<PreCheckoutService>().ValidateAsync(tenant, query, cancellationToken);
        var client = clients.Create(secrets.Unprotect(token));
        await sender.CallAsync(botId, ct => error is null
            ? client.AnswerPreCheckoutQuery(query.Id, cancellationToken: ct)
            : client.AnswerPreCheckoutQuery(query.Id, error, ct), cancellationToken);
        if (error is not null)
        {
            logger.LogInformation("Pre-checkout refused for bot {BotId}: {Reason}", botId, error);
        }
    }
}
