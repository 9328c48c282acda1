using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Core.Accounts;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Conversation;
using Platform.Core.Data;
using Platform.Core.Email;
using Platform.Core.Files;
using Platform.Core.Identity;
using Platform.Core.Inbox;
using Platform.Core.Jobs;
using Platform.Core.Maintenance;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Payments;
using Platform.Core.Security;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;

namespace Platform.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Everything Core offers to both hosts: data, tenancy services, email outbox, admin creation, webhooks, and the
    /// selling modules, one <c>Add…</c> each (docs/modules.md has their arrows).
    /// </summary>
    public static IServiceCollection AddPlatformCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformData(configuration);
        services.AddPlatformDataProtection(configuration);
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<TenantJobScope>();
        services.AddScoped<StoreSignupService>();
        services.AddSingleton<StoreDirectory>();
        services.AddScoped<TeamService>();
        services.AddSingleton<InvitationService>();
        services.AddScoped<PlatformAdminService>();
        services.AddPlatformApiClients();
        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddOptions<DownloadTokenOptions>()
            .Bind(configuration.GetSection("Downloads"))
            .Validate<IHostEnvironment>(
                (options, environment) => !string.IsNullOrEmpty(options.SigningKey) || environment.IsDevelopment() || environment.IsEnvironment("Testing"),
                "Downloads:SigningKey is not set: base64 of at least 32 random bytes, the same on every replica (download links are signed with it).")
            .ValidateOnStart();
        services.AddSingleton<DownloadTokens>();
        services.AddOptions<FileStorageOptions>().Bind(configuration.GetSection("Files"));
        services.AddSingleton<IFileStorage, LocalFileStorage>();
        services.AddScoped<FileUploadService>();
        services.AddScoped<IFileUsage, CatalogFileUsage>();
        services.AddScoped<DownloadLinkFactory>();
        services.AddScoped<ProductService>();
        services.AddScoped<CatalogReader>();
        services.AddScoped<CategoryService>();
        services.AddScoped<LicenseKeyPool>();
        services.AddScoped<StorefrontReader>();
        services.AddScoped<StorefrontService>();
        services.AddScoped<DemoCatalog>();
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection("Maintenance"))
            .Validate(o => o.AbandonPendingOrdersAfter >= TimeSpan.FromHours(1),
                "Maintenance:AbandonPendingOrdersAfter must be at least 01:00:00 (an invoice may be paid minutes after it is sent).")
            .Validate(o => o.PruneIdentityTokensAfter >= TimeSpan.FromDays(1), "Maintenance:PruneIdentityTokensAfter must be at least 1.00:00:00.")
            .ValidateOnStart();
        services.AddTransient<KeyReservationReleaseJob>();
        services.AddTransient<IdentityTokenPruningJob>();
        // The clean-up jobs: each change is one conditional statement, so running twice or concurrently is safe.
        services.AddRecurringJob<OrderAbandonmentJob>(OrderAbandonmentJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), Cron.Hourly());
        services.AddRecurringJob<KeyReservationReleaseJob>(KeyReservationReleaseJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), "*/10 * * * *");
        services.AddRecurringJob<IdentityTokenPruningJob>(IdentityTokenPruningJob.RecurringJobId, j => j.PruneAsync(CancellationToken.None), Cron.Daily());
        services.AddPlatformWebhooks(configuration);
        services.AddBotRegistration(configuration);
        services.AddOutbound();
        services.AddOrders();
        services.AddPayments();
        services.AddConversation();
        services.AddInbox();
        return services;
    }
}
