using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Merchant;

/// <summary>
/// The test host for the merchant side: files in a temporary folder, a small upload limit (so the 413 test is quick),
/// no download rate limit, and helpers to make stores, files and paid orders (the bot's side seeded directly).
/// </summary>
public class MerchantAppFactory : PlatformAppFactory
{
    public const string Password = "correct-horse-battery";
    public const long UploadLimit = 24L * 1024 * 1024;

    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "starfront-files-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Files:Root"] = FilesRoot;
        settings["Files:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["RateLimits:DownloadPermitLimit"] = "1000000";
        settings["Downloads:AccelRedirectPrefix"] = "/_files/";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestSignInStartupFilter>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }

    public async Task<(TenantInfo Tenant, string Email)> NewStoreAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"{name.ToLowerInvariant()}-{suffix}@example.test";
        var result = await SignUpStoreAsync($"{name} {suffix}", email, Password);
        return (result.Tenant!, email);
    }

    public async Task<HttpClient> SignedInClientAsync(string email, TenantInfo tenant)
    {
        var client = CreateHttpClient();
        var response = await client.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<T> InTenantAsync<T>(TenantInfo tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = CreateTenantScope(tenant);
        return await work(scope.ServiceProvider);
    }

    public Task<StoredFile> UploadAsync(TenantInfo tenant, byte[] bytes, string name) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<FileUploadService>().SaveAsync(new MemoryStream(bytes), name, CancellationToken.None));

    /// <summary>A published file product delivering <paramref name="file"/>, and a paid order of it (as the bot would leave it).</summary>
    public Task<(Product Product, Order Order)> PaidFileOrderAsync(TenantInfo tenant, StoredFile file, int downloadLimit = 5) =>
        InTenantAsync(tenant, async sp =>
        {
            var products = sp.GetRequiredService<ProductService>();
            var created = await products.CreateAsync(new ProductInput
            {
                Kind = ProductKind.File,
                Title = "E-book",
                Description = "A book",
                PriceStars = 50,
                FileId = file.Id,
                State = ProductState.Published,
                DownloadLimit = downloadLimit,
            }, CancellationToken.None);
            var product = created.Value ?? throw new InvalidOperationException(string.Join("; ", created.Errors.SelectMany(e => e.Value)));
            var order = await NewOrderAsync(sp, product, OrderStatus.Paid);
            return (product, order);
        });

    public static async Task<Order> NewOrderAsync(IServiceProvider sp, Product product, OrderStatus status, string? username = "buyer")
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        var now = DateTimeOffset.UtcNow;
        var bot = new Bot
        {
            Id = Guid.CreateVersion7(),
            TelegramBotId = Random.Shared.NextInt64(1, long.MaxValue),
            Username = "shop_bot",
            TokenCiphertext = "x",
            WebhookSecretCiphertext = "x",
            CreatedAt = now,
        };
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(),
            TelegramUserId = Random.Shared.NextInt64(1, 1L << 40),
            Username = username,
            FirstName = "Ann",
            CreatedAt = now,
            LastSeenAt = now,
        };
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            BotId = bot.Id,
            CustomerId = customer.Id,
            ProductId = product.Id,
            PriceStars = product.PriceStars,
            ProductTitle = product.Title,
            Status = status,
            ChatId = customer.TelegramUserId,
            CreatedAt = now,
            PaidAt = status is OrderStatus.Paid or OrderStatus.Fulfilled or OrderStatus.Refunded ? now : null,
            TelegramPaymentChargeId = status == OrderStatus.Pending ? null : "charge-" + Guid.NewGuid().ToString("N"),
        };
        db.AddRange(bot, customer, order);
        await db.SaveChangesAsync();
        return order;
    }
}
