using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Orders;
using Platform.Core.Tenancy;

namespace Platform.Bench.Downloads;

/// <summary>
/// Puts the benchmark's data in through the same Core services the app uses: a store, the file (uploaded through
/// <see cref="FileUploadService"/> into the web app's storage root), a file product and one paid order per download.
/// </summary>
internal static class Seeder
{
    public static async Task<(IReadOnlyList<string> Tokens, string StoragePath)> SeedAsync(IConfiguration configuration, string sourceFile, int orders)
    {
        // Core's option checks ask for the host environment; the seeder is not a host, so it says what it is.
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" })
            .AddPlatformCore(configuration).BuildServiceProvider();
        await using var _ = services;
        // A store row only (no owner account): the benchmark needs no login, and Identity is a web-host service.
        TenantInfo tenant;
        await using (var plain = services.CreateAsyncScope())
        {
            var row = new Tenant
            {
                Id = Guid.CreateVersion7(),
                Slug = "bench-" + Guid.NewGuid().ToString("N")[..8],
                Name = "Bench Store",
                CreatedAt = DateTimeOffset.UtcNow
            };
            var tenants = plain.ServiceProvider.GetRequiredService<PlatformDbContext>();
            tenants.Tenants.Add(row);
            await tenants.SaveChangesAsync();
            tenant = TenantInfo.From(row);
        }

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var sp = scope.ServiceProvider;
        StoredFile file;
        await using (var source = File.OpenRead(sourceFile))
        {
            file = await sp.GetRequiredService<FileUploadService>().SaveAsync(source, "bench-200MB.bin", CancellationToken.None);
        }

        var product = (await sp.GetRequiredService<ProductService>().CreateAsync(new ProductInput
        {
            Kind = ProductKind.File,
            Title = "Bench file",
            Description = "",
            PriceStars = 1,
            FileId = file.Id,
            State = ProductState.Published,
            DownloadLimit = 100,
        }, CancellationToken.None)).Value!;

        var db = sp.GetRequiredService<PlatformDbContext>();
        var now = DateTimeOffset.UtcNow;
        var bot = new Bot
        {
            Id = Guid.CreateVersion7(),
            TelegramBotId = RandomNumberGenerator.GetInt32(1, int.MaxValue),
            Username = "bench_bot",
            TokenCiphertext = "-",
            WebhookSecretCiphertext = "-",
            CreatedAt = now
        };
        var customer = new Customer { Id = Guid.CreateVersion7(), TelegramUserId = 42, CreatedAt = now, LastSeenAt = now };
        db.AddRange(bot, customer);
        var tokens = new List<string>();
        var signer = services.GetRequiredService<DownloadTokens>();
        for (var i = 0; i < orders; i++)
        {
            var order = new Order
            {
                Id = Guid.CreateVersion7(),
                BotId = bot.Id,
                CustomerId = customer.Id,
                ProductId = product.Id,
                PriceStars = 1,
                ProductTitle = product.Title,
                Status = OrderStatus.Paid,
                ChatId = 42,
                CreatedAt = now,
                PaidAt = now,
            };
            db.Orders.Add(order);
            tokens.Add(signer.Create(new DownloadToken(tenant.Id, order.Id, file.Id, now.AddHours(2))));
        }

        await db.SaveChangesAsync();
        var path = services.GetRequiredService<IFileStorage>().TryGetPhysicalPath(file.StorageKey)!;
        return (tokens, path);
    }
}
