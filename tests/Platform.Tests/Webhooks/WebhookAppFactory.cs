using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.Tests.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

/// <summary>
/// The web app with a fake clock (starting at the real now) and a test sign-in; tests drive dispatch and sending
/// directly (no job server in the test host), so retries are timed by advancing <see cref="Clock"/>.
/// </summary>
public class WebhookAppFactory : PlatformAppFactory
{
    public const string Password = "correct-horse-battery";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Webhooks:SenderIdleLinger"] = "00:00:00";
        settings["Webhooks:RequestTimeout"] = "00:00:15";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestSignInStartupFilter>();
        });
    }

    public async Task<(TenantInfo Tenant, string Email)> NewStoreAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"{name.ToLowerInvariant()}-{suffix}@example.test";
        var result = await SignUpStoreAsync($"{name} {suffix}", email, Password);
        return (result.Tenant!, email);
    }

    public async Task<(WebhookEndpoint Endpoint, string Secret)> CreateEndpointAsync(TenantInfo tenant, string url, params string[] eventTypes)
    {
        await using var scope = CreateTenantScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<WebhookEndpointService>()
            .CreateAsync(new WebhookEndpointInput(url, "test", eventTypes), CancellationToken.None);
        return result.Succeeded ? (result.Value.Endpoint, result.Value.Secret) : throw new InvalidOperationException(string.Join("; ",
            result.Errors.SelectMany(e => e.Value)));
    }

    public async Task<Guid> EmitAsync(TenantInfo tenant, string type = EventTypes.OrderPaid, object? data = null)
    {
        await using var scope = CreateTenantScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var e = db.AddOutboxEvent(type, data ?? new { OrderId = Guid.NewGuid(), AmountStars = 150 }, Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return e.Id;
    }

    /// <summary>What the pump does for a tenant each tick: dispatch the outbox, disable long-failing endpoints, lease due endpoints.</summary>
    public Task PumpAsync(TenantInfo tenant) =>
        Services.GetRequiredService<WebhookDispatcher>().PumpTenantAsync(tenant.Id, CancellationToken.None);

    /// <summary>Runs the endpoint's sender job body once (it returns when nothing is due).</summary>
    public Task SendAsync(TenantInfo tenant, Guid endpointId) =>
        Services.GetRequiredService<WebhookSender>().SendAsync(tenant.Id, endpointId, CancellationToken.None);

    public async Task<T> InTenantAsync<T>(TenantInfo tenant, Func<PlatformDbContext, Task<T>> query)
    {
        await using var scope = CreateTenantScope(tenant);
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public async Task<T> WithEndpointsAsync<T>(TenantInfo tenant, Func<WebhookEndpointService, Task<T>> action)
    {
        await using var scope = CreateTenantScope(tenant);
        return await action(scope.ServiceProvider.GetRequiredService<WebhookEndpointService>());
    }

    public Task<WebhookDelivery> DeliveryAsync(TenantInfo tenant, Guid eventId) =>
        InTenantAsync(tenant, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.EventId == eventId));

    public Task<WebhookEndpoint> EndpointAsync(TenantInfo tenant, Guid endpointId) =>
        InTenantAsync(tenant, db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId));

    /// <summary>A cookie-keeping client signed in to <paramref name="tenant"/> as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, TenantInfo tenant)
    {
        var client = CreateHttpClient();
        var response = await client.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>An HTTP client carrying a client-credentials access token of a new API client of the store (created by its owner).</summary>
    public async Task<HttpClient> ApiClientAsync(TenantInfo tenant, string ownerEmail)
    {
        Guid ownerId;
        await using (var scope = Services.CreateAsyncScope())
        {
            ownerId = (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(ownerEmail))!.Id;
        }

        CreatedApiClient created;
        await using (var scope = CreateTenantScope(tenant))
        {
            created = (await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("Webhooks test", ownerId, CancellationToken.None)).Value!;
        }

        var http = CreateHttpClient();
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = new Uri(BaseAddress, Platform.Web.Identity.StarfrontOidc.TokenPath).ToString(),
            ClientId = created.Client!.ClientId,
            ClientSecret = created.ClientSecret!,
            Scope = "api",
        });
        if (token.IsError)
        {
            throw new InvalidOperationException($"No token: {token.Error} {token.Raw}");
        }

        http.SetBearerToken(token.AccessToken!);
        return http;
    }
}
