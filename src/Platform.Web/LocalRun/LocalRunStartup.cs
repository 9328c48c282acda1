using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Core.Accounts;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Commands;

namespace Platform.Web.LocalRun;

/// <summary>
/// What the README's run command does beyond serving: migrate, seed a demo store and admin, and print
/// where to go and how to log in. Development only — Production migrates through the explicit command.
/// </summary>
public static class LocalRunStartup
{
    public const string DemoSlug = "demo";
    public const string DemoEmail = "demo@starfront.local";
    public const string DemoPassword = "starfront-demo";
    public const string AdminEmail = "admin@starfront.local";
    public const string AdminPassword = "starfront-admin";

    public static async Task PrepareLocalRunAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LocalRun");
        await PlatformCommands.MigrateAsync(app.Services, logger, CancellationToken.None);
        await Platform.Web.Identity.OpenIddictSeeder.EnsureClientsAsync(app.Services, CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tenants = scope.ServiceProvider.GetRequiredService<ITenantStore>();
            if (await tenants.FindBySlugAsync(DemoSlug, CancellationToken.None) is null)
            {
                var signup = scope.ServiceProvider.GetRequiredService<StoreSignupService>();
                await signup.SignUpAsync(new StoreSignup("Demo Store", DemoEmail, DemoPassword, DemoSlug), CancellationToken.None);
            }

            await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync(AdminEmail, AdminPassword, CancellationToken.None);
        }

        // One product of each kind in the demo store (made once; the merchant may change or archive them).
        var demo = await app.Services.GetRequiredService<ITenantStore>().FindBySlugAsync(DemoSlug, CancellationToken.None);
        if (demo is not null)
        {
            await using var demoScope = app.Services.GetRequiredService<TenantScopeFactory>().CreateScope(demo);
            await demoScope.ServiceProvider.GetRequiredService<Platform.Core.Catalog.DemoCatalog>().EnsureAsync(CancellationToken.None);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetService<Platform.TelegramSandbox.SandboxHost>() is { } telegram)
            {
                _ = SeedDemoCatalogAsync(app, telegram.BaseUrl, logger);
            }

            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine();
            Console.WriteLine($"  Starfront is running at {url}");
            Console.WriteLine($"  Merchant login: {DemoEmail} / {DemoPassword}   (store: {url}/stores/{DemoSlug})");
            Console.WriteLine($"  Platform admin: {AdminEmail} / {AdminPassword}   ({url}/admin)");
            Console.WriteLine($"  Emails (password reset, invitations) are shown at {url}/dev/emails");
            if (app.Services.GetService<Platform.TelegramSandbox.SandboxHost>() is { } sandbox)
            {
                Console.WriteLine($"  Telegram sandbox (Bot API base URL): {sandbox.BaseUrl}");
                Console.WriteLine($"  Sandbox chat page (buyers, bots, Stars): {sandbox.BaseUrl}sandbox");
            }

            Console.WriteLine();
        });
    }

    private static async Task SeedDemoCatalogAsync(WebApplication app, Uri sandbox, ILogger logger)
    {
        try
        {
            await LocalSandboxBots.RepointAsync(app.Services, logger, app.Lifetime.ApplicationStopping);
            await DemoCatalogSeeder.SeedAsync(app.Services, sandbox, logger, app.Lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Re-pointing the sandbox bots or seeding the demo bot failed");
        }
    }
}
