using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Tenancy;

namespace Platform.Tests.Bots;

/// <summary>
/// A signed-up store with a registered sandbox bot and a catalog written straight to the database (the merchant
/// side's catalog services are another branch; the bot reads the same tables).
/// </summary>
public sealed class TestStore
{
    public required TenantInfo Tenant { get; init; }
    public required Guid BotId { get; init; }
    public required long TelegramBotId { get; init; }
    public required BotAppFactory App { get; init; }

    public static async Task<TestStore> CreateAsync(BotAppFactory app, string name)
    {
        var slug = name.ToLowerInvariant() + Guid.NewGuid().ToString("N")[..6];
        var signup = await app.SignUpStoreAsync(name, $"{slug}@example.test", "correct horse battery staple", slug);
        var tenant = await app.Services.GetRequiredService<ITenantStore>().FindBySlugAsync(slug, CancellationToken.None)
            ?? throw new InvalidOperationException($"Store {slug} not found after sign-up ({signup}).");
        var telegramBot = await app.Telegram.CreateBotAsync($"{slug}_bot");
        await using var scope = app.CreateTenantScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<BotRegistrationService>().RegisterAsync(telegramBot.Token, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.StoreSettings.Add(new StoreSettings
        {
            DisplayName = name,
            TermsText = $"{name} terms",
            SupportText = $"{name} support",
            UpdatedAt = DateTimeOffset.UtcNow
        });
        await db.SaveChangesAsync();
        return new TestStore { Tenant = tenant, BotId = result.Value!.Id, TelegramBotId = telegramBot.Id, App = app };
    }

    public async Task<Guid> AddFileProductAsync(string title, int price, byte[] content, string fileName)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var fileId = Guid.NewGuid();
        var key = $"{Tenant.Id:N}/{fileId:N}";
        Directory.CreateDirectory(Path.Combine(App.FilesRoot, $"{Tenant.Id:N}"));
        await File.WriteAllBytesAsync(Path.Combine(App.FilesRoot, key), content);
        db.StoredFiles.Add(new StoredFile
        {
            Id = fileId,
            FileName = fileName,
            ContentType = "application/pdf",
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StorageKey = key,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        return await AddProductAsync(db, ProductKind.File, title, price, p => p.FileId = fileId);
    }

    public async Task<Guid> AddKeyProductAsync(string title, int price, IEnumerable<string> keys)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var productId = await AddProductAsync(db, ProductKind.LicenseKey, title, price, _ => { });
        var at = DateTimeOffset.UtcNow;
        db.LicenseKeys.AddRange(keys.Select((k, i) => new LicenseKey
        {
            Id = Guid.NewGuid(),
            ProductId = productId,
            Value = k,
            CreatedAt = at.AddMilliseconds(i)
        }));
        await db.SaveChangesAsync();
        return productId;
    }

    /// <summary>A published text product; <paramref name="configure"/> sets anything else (category, photo, state, order).</summary>
    public async Task<Guid> AddTextProductAsync(string title, int price, string text, Action<Product>? configure = null)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await AddProductAsync(db, ProductKind.Text, title, price, p =>
        {
            p.TextContent = text;
            configure?.Invoke(p);
        });
    }

    public async Task<Guid> AddCategoryAsync(string name, int sortOrder)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var category = new Category { Id = Guid.NewGuid(), Name = name, SortOrder = sortOrder };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    }

    /// <summary>An image uploaded the way the portal does (sniffed, hashed, stored); returns the stored file's id.</summary>
    public async Task<Guid> UploadAsync(byte[] content, string fileName)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        using var stream = new MemoryStream(content);
        return (await scope.ServiceProvider.GetRequiredService<FileUploadService>().SaveAsync(stream, fileName, CancellationToken.None)).Id;
    }

    /// <summary>Changes the storefront through the merchant side's service, as the Storefront page does.</summary>
    public async Task UpdateStorefrontAsync(StorefrontInput input)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        var result = await scope.ServiceProvider.GetRequiredService<StorefrontService>().UpdateAsync(input, CancellationToken.None);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    /// <summary>
    /// Suspends or reactivates the store the way a platform admin does (<c>TenantAdministration</c>, audited, announced by
    /// NOTIFY); returns once this process's tenant cache shows it.
    /// </summary>
    public Task SetStatusAsync(TenantStatus status) => Admin.SuspensionTestAdmin.SetStatusAsync(App.Services, Tenant.Id, status);

    public async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.CreateTenantScope(Tenant);
        return await work(scope.ServiceProvider);
    }

    private static async Task<Guid> AddProductAsync(PlatformDbContext db, ProductKind kind, string title, int price, Action<Product> configure)
    {
        var product = new Product
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Title = title,
            Description = $"{title} — a fine product.",
            PriceStars = price,
            State = ProductState.Published,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        configure(product);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }
}
