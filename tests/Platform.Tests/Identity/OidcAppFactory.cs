using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Web.Identity;

namespace Platform.Tests.Identity;

/// <summary>The shared test host plus the seeded first-party clients and a way to sign a user in.</summary>
public sealed class OidcAppFactory : PlatformAppFactory
{
    public const string Password = "correct-horse-battery";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await OpenIddictSeeder.EnsureClientsAsync(Services, CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestSignInStartupFilter>());
    }

    /// <summary>A new store with its owner; the suffix keeps names unique across tests sharing the database.</summary>
    public async Task<(TenantInfo Tenant, Guid OwnerId, string Email)> NewStoreAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"{name.ToLowerInvariant()}-{suffix}@example.test";
        var result = await SignUpStoreAsync($"{name} {suffix}", email, Password);
        return (result.Tenant, result.OwnerUserId, email);
    }

    public async Task<CreatedApiClient> CreateApiClientAsync(TenantInfo tenant, Guid ownerId, string name = "Back office")
    {
        await using var scope = CreateTenantScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync(name, ownerId, CancellationToken.None);
        return result.Succeeded ? result.Value : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>A cookie-keeping client, not following redirects, signed in to <paramref name="tenant"/> as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, TenantInfo tenant)
    {
        var client = CreateHttpClient();
        var response = await client.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task SetStatusAsync(TenantInfo tenant, TenantStatus status)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Tenants.Where(t => t.Id == tenant.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status));
        Services.GetRequiredService<ITenantStore>().Invalidate(tenant);
    }
}
