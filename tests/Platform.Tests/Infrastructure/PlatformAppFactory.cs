using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Accounts;
using Platform.Core.Tenancy;
using Platform.LocalPostgres;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The web app on real Kestrel at a random loopback port, with its own migrated PostgreSQL database
/// (made from the run's template). One per test class: <c>IClassFixture&lt;PlatformAppFactory&gt;</c>.
/// </summary>
public class PlatformAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private LocalDatabase? database;

    public LocalDatabase Database => database ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public virtual async Task InitializeAsync()
    {
        database = await TestPostgres.Instance.CreateDatabaseAsync(GetType().Name.ToLowerInvariant());
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
    }

    /// <summary>Settings for this host; override to change limits or switches (call base first).</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Platform"] = Database.AppConnectionString;
        settings["ConnectionStrings:PlatformMigrations"] = Database.OwnerConnectionString;
        settings["RateLimits:AuthPermitLimit"] = "100000";
        settings["Jobs:RunServerInWeb"] = "false";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>();
        ConfigureSettings(settings);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseUrls("http://127.0.0.1:0");
        builder.ConfigureTestServices(TestHangfireLogging.KeepProcessWide); // after the app's own registrations
    }

    /// <summary>A plain client for this host (cookies kept, redirects not followed unless asked).</summary>
    public HttpClient CreateHttpClient(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    public async Task<NewStore> SignUpStoreAsync(string name, string email, string password, string? slug = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StoreSignupService>()
            .SignUpAsync(new StoreSignup(name, email, password, slug), CancellationToken.None);
        return result.Succeeded ? result.Value : throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    public AsyncServiceScope CreateTenantScope(TenantInfo tenant) => Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
}
