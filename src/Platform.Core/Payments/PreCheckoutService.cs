using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Outbound.Texts;
using Platform.Core.Tenancy;
using Telegram.Bot.Types.Payments;

namespace Platform.Core.Payments;

/// <summary>
/// The last word before Stars move: the order is still pending and the buyer's, the tenant is active, the product is
/// still published at the invoiced price, and for a key product a key is reserved for this order. Runs on the ingress
/// fast path, so everything it needs (the bot's token too) is one statement in one round trip, the tenant set in the
/// same batch; only a key product takes a second step, the reservation.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification =
    "SemaphoreSlim needs disposing only once its AvailableWaitHandle is used, which this never does; "
    + "the instance lives as long as the process (a singleton).")]
public sealed class PreCheckoutService(BotDataSource dataSource, TenantScopeFactory scopes, TimeProvider time, IOptions<TelegramOptions> options)
{
    /// <summary>Decisions at once per core when <c>Telegram:PreCheckoutMaxConcurrency</c> is 0.</summary>
    public const int DefaultPerCore = 2;

    /// <summary>How long a key stays held for a buyer between pre-checkout and payment.</summary>
    public static readonly TimeSpan ReservationLength = TimeSpan.FromMinutes(15);

    private const string FactsSql = """
        SELECT b."TokenCiphertext", s."DefaultLanguage", o."Status", o."PriceStars", c."TelegramUserId", p."Id", p."State", p."PriceStars", p."Kind"
        FROM "Bots" b
        LEFT JOIN "StoreSettings" s ON s."TenantId" = b."TenantId"
        LEFT JOIN "Orders" o ON o."TenantId" = b."TenantId" AND o."Id" = $3
        LEFT JOIN "Customers" c ON c."TenantId" = o."TenantId" AND c."Id" = o."CustomerId"
        LEFT JOIN "Products" p ON p."TenantId" = o."TenantId" AND p."Id" = o."ProductId"
        WHERE b."TenantId" = $1 AND b."Id" = $2
        """;

    // Planning that five-table join (with each table's row-level security) costs several times its execution, and
    // PostgreSQL's default keeps making a fresh custom plan for it on every call (measured: 57 plans in 100 calls
    // during bench (c)). Every parameter is a key, so the generic plan is the same plan: made once per connection.
    private const string GenericPlanSql = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)";

    private readonly SemaphoreSlim gate = new(options.Value.PreCheckoutMaxConcurrency > 0
        ? options.Value.PreCheckoutMaxConcurrency
        : DefaultPerCore * Environment.ProcessorCount);

    /// <summary>Null when the bot is not the tenant's (nothing to answer with).</summary>
    public async Task<PreCheckoutDecision?> DecideAsync(TenantInfo tenant, Guid botId, PreCheckoutQuery query, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await DecideGatedAsync(tenant, botId, query, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PreCheckoutDecision?> DecideGatedAsync(TenantInfo tenant, Guid botId, PreCheckoutQuery query, CancellationToken cancellationToken)
    {
        var orderId = OrderIds.FromPayload(query.InvoicePayload);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { TenantSession.Set(tenant.Id, transactionLocal: true) } };
        batch.Add(GenericPlanSql);
        batch.Add(FactsSql, tenant.Id, botId, orderId ?? Guid.Empty);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var token = reader.GetString(0);
        var texts = BotTexts.For(query.From.LanguageCode, reader.IsDBNull(1) ? null : reader.GetString(1));
        if (!tenant.IsActive)
        {
            return new(token, texts.StoreUnavailable);
        }

        if (reader.IsDBNull(2) || reader.GetString(2) != nameof(OrderStatus.Pending) || reader.IsDBNull(4) || reader.GetInt64(4) != query.From.Id)
        {
            return new(token, texts.OrderNotFound);
        }

        if (reader.IsDBNull(5) || reader.GetString(6) != nameof(ProductState.Published))
        {
            return new(token, texts.ProductUnavailable);
        }

        var invoiced = reader.GetInt32(3);
        if (reader.GetInt32(7) != invoiced || query.TotalAmount != invoiced || query.Currency != "XTR")
        {
            return new(token, texts.PriceChanged);
        }

        if (reader.GetString(8) == nameof(ProductKind.LicenseKey))
        {
            var productId = reader.GetGuid(5);
            await reader.DisposeAsync();
            await using var scope = scopes.CreateScope(tenant);
            var keys = scope.ServiceProvider.GetRequiredService<LicenseKeyPool>();
            if (await keys.TryReserveAsync(productId, orderId!.Value, time.GetUtcNow() + ReservationLength, cancellationToken) is null)
            {
                return new(token, texts.SoldOut);
            }
        }

        return new(token, null);
    }
}
