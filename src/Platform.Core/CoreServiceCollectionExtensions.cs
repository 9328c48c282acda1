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
            .Validate(o => o.AbandonPendingOrdersAfter >= TimeSpan.FromHours(1), "Maintenance:AbandonPendingOrdersAfter must be at least 01:00:00 (an invoice may be paid minutes after it is sent).")
            .Validate(o => o.PruneIdentityTokensAfter >= TimeSpan.FromDays(1), "Maintenance:PruneIdentityTokensAfter must be at least 1.00:00:00.")
            .ValidateOnStart();
        services.AddTransient<KeyReservationReleaseJob>();
        services.AddTransient<IdentityTokenPruningJob>();
        services.AddPlatformWebhooks(configuration);
        services.AddBotRegistration(configuration);
        services.AddOutbound();
        services.AddOrders();
        services.AddPayments();
        services.AddConversation();
        services.AddInbox();
        return services;
    }

    /// <summary>
    /// Where a job server runs (Worker; Web with Jobs:RunServerInWeb): the inbox's processors and sweep, and the
    /// maintenance schedule. A web process without a job server stores and signals, and never processes.
    /// </summary>
    public static IServiceCollection AddPlatformCoreJobs(this IServiceCollection services) =>
        services.AddInboxJobs().AddHostedService<MaintenanceJobsStartup>();
}
