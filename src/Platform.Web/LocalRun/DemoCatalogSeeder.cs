using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Tenancy;

namespace Platform.Web.LocalRun;

/// <summary>
/// The demo store's shop window for the local run: a sandbox bot registered through the real registration path
/// (getMe, webhook, commands) and a buyer with Stars; one product of each kind only if the catalog side's
/// DemoCatalog has not stocked the store already. Runs once the server listens
/// (the webhook URL needs its address); does nothing when the demo store already has a bot.
/// </summary>
public static class DemoCatalogSeeder
{
    public static async Task SeedAsync(IServiceProvider services, Uri sandbox, ILogger logger, CancellationToken cancellationToken)
    {
        var tenant = await services.GetRequiredService<ITenantStore>().FindBySlugAsync(LocalRunStartup.DemoSlug, cancellationToken);
        if (tenant is null)
        {
            return;
        }

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.Bots.AnyAsync(cancellationToken))
        {
            return;
        }

        using var http = new HttpClient { BaseAddress = sandbox };
        var token = await SandboxBotTokenAsync(http, cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<BotRegistrationService>().RegisterAsync(token, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("The demo bot could not be registered: {Error}", result.Error);
            return;
        }

        await http.PostAsJsonAsync("sandbox/v1/users", new { first_name = "Demo Buyer", username = "demo_buyer", language_code = "en", stars = 1000 }, cancellationToken);
        if (!await db.StoreSettings.AnyAsync(cancellationToken))
        {
            db.StoreSettings.Add(new StoreSettings
            {
                DisplayName = "Demo Store", WelcomeText = "Welcome to the Demo Store! Tap Catalog to browse.",
                TermsText = "Digital goods; refunds on request within 14 days.", SupportText = "Write to support@starfront.local.",
                UpdatedAt = DateTimeOffset.UtcNow,
            });
        }

        if (await db.Products.AnyAsync(cancellationToken))
        {
            // The catalog side's DemoCatalog already stocked the store: only the bot and the buyer were missing.
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4\n% Starfront demo e-book\nThank you for trying the demo store.\n");
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "demo-ebook.pdf", ContentType = "application/pdf", Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), StorageKey = $"{tenant.Id:N}/demo-ebook.pdf", CreatedAt = now,
        };
        var source = scope.ServiceProvider.GetRequiredService<BotFileSource>();
        Directory.CreateDirectory(Path.Combine(source.Root, $"{tenant.Id:N}"));
        await File.WriteAllBytesAsync(Path.Combine(source.Root, file.StorageKey), bytes, cancellationToken);
        db.StoredFiles.Add(file);
        db.Products.Add(Product(ProductKind.File, "Demo e-book", 25, now, p => p.FileId = file.Id));
        var keys = Product(ProductKind.LicenseKey, "Demo game key", 40, now, _ => { });
        db.Products.Add(keys);
        db.LicenseKeys.AddRange(Enumerable.Range(1, 5).Select(i => new LicenseKey { Id = Guid.NewGuid(), ProductId = keys.Id, Value = $"DEMO-KEY-{i:D4}", CreatedAt = now.AddSeconds(i) }));
        db.Products.Add(Product(ProductKind.Text, "Demo secret recipe", 10, now, p => p.TextContent = "Mix flour, water and patience. Bake at 220 °C."));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A fresh sandbox bot (BotFather's control API); the demo store registers it like a merchant would.</summary>
    private static async Task<string> SandboxBotTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("sandbox/v1/bots", new { username = $"starfront_demo{Random.Shared.Next(1000, 9999)}_bot" }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var bot = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return bot.GetProperty("token").GetString()!;
    }

    private static Product Product(ProductKind kind, string title, int price, DateTimeOffset now, Action<Product> configure)
    {
        var product = new Product
        {
            Id = Guid.NewGuid(), Kind = kind, Title = title, Description = $"{title}: a sample product of the local demo store.",
            PriceStars = price, State = ProductState.Published, CreatedAt = now, UpdatedAt = now,
        };
        configure(product);
        return product;
    }
}
