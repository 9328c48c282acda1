using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Tests.Merchant;

/// <summary>
/// The merchant host on a clock the test moves (a <see cref="FakeTimeProvider"/> as the platform's time, whole seconds),
/// with bots made straight in the store (tokens never used): what the ledger and the admin tests build on.
/// </summary>
public class ClockedMerchantAppFactory : MerchantAppFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond,
        TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<Bot> NewBotAsync(TenantInfo tenant, string username) => InTenantAsync(tenant, async sp =>
    {
        var bot = new Bot
        {
            Id = Guid.CreateVersion7(),
            TelegramBotId = Random.Shared.NextInt64(1, long.MaxValue),
            Username = username,
            TokenCiphertext = "x",
            WebhookSecretCiphertext = "x",
            CreatedAt = Clock.GetUtcNow(),
        };
        var db = sp.GetRequiredService<PlatformDbContext>();
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        return bot;
    });
}
