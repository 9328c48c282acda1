extern alias Sandbox;

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Payments;

namespace Platform.Bench;

/// <summary>One store with bots, a text and a file product, and helpers to put a buyer in front of an invoice.</summary>
internal sealed class Shop(IServiceProvider services, HttpClient sandbox, TenantInfo tenant)
{
    public List<(Guid Id, long TelegramId, string Token)> Bots { get; } = [];
    public Guid TextProduct { get; private set; }
    public Guid FileProduct { get; private set; }

    public static async Task<Shop> CreateAsync(IServiceProvider services, HttpClient sandbox, Uri web, string filesRoot, int bots)
    {
        // Sign-up through the web's JSON endpoint (Identity lives in the web app).
        using (var http = new HttpClient { BaseAddress = web })
        {
            var response = await http.PostAsJsonAsync("api/signup", new { storeName = "Bench Store", email = $"bench{Guid.NewGuid():N}@example.test",
                password = "bench-password-123456" });
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException("Sign-up failed: " + await response.Content.ReadAsStringAsync());
        }

        var tenant = (await services.GetRequiredService<CrossTenantReaderFactory>().CreateReader().Tenants.OrderByDescending(t => t.CreatedAt)
            .FirstAsync()) is var t
            ? TenantInfo.From(t) : throw new InvalidOperationException();
        var shop = new Shop(services, sandbox, tenant);
        await using var tenantScope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = tenantScope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        for (var i = 0; i < bots; i++)
        {
            var created = await (await sandbox.PostAsJsonAsync("sandbox/v1/bots", new { username = $"bench{i}_{Random.Shared.Next(100000)}_bot" }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var token = created.GetProperty("token").GetString()!;
            var registered = await tenantScope.ServiceProvider.GetRequiredService<BotRegistrationService>().RegisterAsync(token, CancellationToken.None);
            shop.Bots.Add((registered.Value!.Id, created.GetProperty("id").GetInt64(), token));
        }

        var bytes = RandomNumberGenerator.GetBytes(64 * 1024);
        var file = new StoredFile { Id = Guid.NewGuid(), FileName = "bench.pdf", ContentType = "application/pdf", Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), StorageKey = $"{tenant.Id:N}/bench.pdf", CreatedAt = DateTimeOffset.UtcNow };
        Directory.CreateDirectory(Path.Combine(filesRoot, $"{tenant.Id:N}"));
        await File.WriteAllBytesAsync(Path.Combine(filesRoot, file.StorageKey), bytes);
        db.StoredFiles.Add(file);
        var text = new Product { Id = Guid.NewGuid(), Kind = ProductKind.Text, Title = "Bench text", Description = "d", PriceStars = 1,
            State = ProductState.Published, TextContent = "hello", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        var doc = new Product { Id = Guid.NewGuid(), Kind = ProductKind.File, Title = "Bench file", Description = "d", PriceStars = 1,
            State = ProductState.Published, FileId = file.Id, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Products.AddRange(text, doc);
        await db.SaveChangesAsync();
        shop.TextProduct = text.Id;
        shop.FileProduct = doc.Id;
        return shop;
    }

    /// <summary>When Telegram confirmed each order's document (Delivery.SentAt), for the orders that have one.</summary>
    public async Task<Dictionary<Guid, DateTimeOffset>> DocumentsSentAsync()
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Deliveries.Where(d => d.Kind == DeliveryKind.Document && d.SentAt != null)
            .ToDictionaryAsync(d => d.OrderId, d => d.SentAt!.Value);
    }

    public async Task<string> SecretAsync(Guid botId)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return scope.ServiceProvider.GetRequiredService<BotSecrets>().Unprotect((await db.Bots.SingleAsync(b => b.Id == botId)).WebhookSecretCiphertext);
    }

    /// <summary>A sandbox buyer with a pending order and the invoice for it in their chat; returns (user, invoice message id).</summary>
    public async Task<(long User, int Message, Guid Order)> PrepareInvoiceAsync((Guid Id, long TelegramId, string Token) bot, Guid productId, string baseUrl)
    {
        var user = await (await sandbox.PostAsJsonAsync("sandbox/v1/users", new { first_name = "Buyer", stars = 100 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var userId = user.GetProperty("id").GetInt64();
        // Like Telegram, a bot may only write to users who wrote to it first.
        await sandbox.PostAsJsonAsync($"sandbox/v1/users/{userId}/bots/{bot.TelegramId}/messages", new { text = "/terms" });
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var customer = await scope.ServiceProvider.GetRequiredService<CustomerDirectory>()
            .UpsertAsync(new Telegram.Bot.Types.User { Id = userId, FirstName = "Buyer" }, CancellationToken.None);
        var order = new Order { Id = Guid.NewGuid(), BotId = bot.Id, CustomerId = customer, ProductId = productId, PriceStars = 1, ProductTitle = "Bench",
            Status = OrderStatus.Pending, ChatId = userId, CreatedAt = DateTimeOffset.UtcNow };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Token, baseUrl));
        while (true)
        {
            try
            {
                var message = await client.SendInvoice(userId, "Bench", "Bench item", OrderIds.ToPayload(order.Id), "XTR", [new LabeledPrice("Bench", 1)]);
                return (userId, message.Id, order.Id);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                await Task.Delay(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1));
            }
        }
    }
}
