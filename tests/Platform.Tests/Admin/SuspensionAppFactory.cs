using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Webhooks;
using Platform.Tests.Bots;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Admin;

/// <summary>
/// The bots' test host (sandbox, job server and webhook pump in the web process, real clock) plus the test sign-in, so
/// one suspension test can watch the bot, the webhooks, the portal and the download links of the same store.
/// </summary>
public sealed class SuspensionAppFactory : BotAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestSignInStartupFilter>());
    }

    /// <summary>A cookie-keeping client, not following redirects, signed in to the store as its owner.</summary>
    public async Task<HttpClient> OwnerClientAsync(TestStore store)
    {
        var client = CreateHttpClient();
        var email = Uri.EscapeDataString($"{store.Tenant.Slug}@example.test");
        var response = await client.GetAsync($"{TestSignInStartupFilter.Path}?email={email}&tenant={store.Tenant.Id}");
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<WebhookEndpoint> CreateEndpointAsync(TestStore store, string url)
    {
        await using var scope = CreateTenantScope(store.Tenant);
        var result = await scope.ServiceProvider.GetRequiredService<WebhookEndpointService>()
            .CreateAsync(new WebhookEndpointInput(url, "suspension test", []), CancellationToken.None);
        Assert.True(result.Succeeded);
        return result.Value!.Endpoint;
    }
}
