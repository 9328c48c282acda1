using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Accounts;
using Platform.Core.Administration;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Conversation;
using Platform.Core.Data;
using Platform.Core.Email;
using Platform.Core.Files;
using Platform.Core.Identity;
using Platform.Core.Inbox;
using Platform.Core.Jobs;
using Platform.Core.Ledger;
using Platform.Core.Maintenance;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Payments;
using Platform.Core.Security;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;

namespace Platform.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Everything Core offers to both hosts, one <c>Add…</c> per module (docs/architecture.md has the modules and their
    /// arrows); the recurring jobs each module adds are scheduled only where a job server runs.
    /// </summary>
    public static IServiceCollection AddPlatformCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformData(configuration);
        services.AddPlatformDataProtection(configuration);
        services.AddTenancy();
        services.AddSingleton<TenantJobScope>();
        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddMaintenance(configuration);
        services.AddPlatformIdentityCore();
        services.AddAccounts();
        services.AddFiles(configuration);
        services.AddCatalog();
        services.AddPlatformWebhooks(configuration);
        services.AddBotRegistration(configuration);
        services.AddOutbound();
        services.AddOrders();
        services.AddLedger(configuration);
        services.AddSubscriptions();
        services.AddPayments();
        services.AddConversation();
        services.AddInbox();
        services.AddAdministration();
        return services;
    }
}
