using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Tenancy;
using Platform.Tests.Bots;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Orders;

/// <summary>The bot test host (real sandbox, in-process jobs) plus the test sign-in, so the orders pages drive real bot deliveries.</summary>
public sealed class OrdersBotAppFactory : BotAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestSignInStartupFilter>());
    }

    /// <summary>An HttpClient signed in as the store's owner (TestStore signs up <c>{slug}@example.test</c>).</summary>
    public async Task<HttpClient> OwnerClientAsync(TenantInfo tenant)
    {
        var client = CreateHttpClient();
        var response = await client.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(tenant.Slug + "@example.test")}&tenant={tenant.Id}");
        response.EnsureSuccessStatusCode();
        return client;
    }
}
