using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Administration;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Email;
using Platform.Core.Files;
using Platform.Core.Identity;
using Platform.Core.Inbox;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Outbox;
using Platform.Core.Payments;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;

namespace Platform.Core.Data;

/// <summary>
/// The one DbContext. It reads the current tenant from the scope's tenant context (set once per
/// request or job, and never changed afterwards), filters every <see cref="ITenantOwned"/> entity by it and stamps it
/// on save. <see cref="TenantSessionInterceptor"/> hands the same tenant to PostgreSQL for row-level security.
/// </summary>
public sealed class PlatformDbContext : IdentityDbContext<PlatformUser, PlatformRole, Guid>, IDataProtectionKeyContext
{
    private readonly ITenantContextAccessor tenantContext;

    public PlatformDbContext(DbContextOptions<PlatformDbContext> options, ITenantContextAccessor tenantContext)
        : base(options)
    {
        this.tenantContext = tenantContext;
        IsCrossTenantReader = tenantContext.IsCrossTenantReader;
    }

    /// <summary>
    /// Read by the query filters; null means "no tenant": tenant-owned queries return nothing. Read live, not
    /// captured at construction: ASP.NET Core Identity's cookie validation (SecurityStampValidator → SignInManager
    /// → UserManager → UserStore) builds the request's context during authentication, before the tenant
    /// middleware runs. The tenant context is set-once, so the value can only go from null to one tenant.
    /// </summary>
    public Guid? CurrentTenantId => tenantContext.Tenant?.Id;

    /// <summary>Set only through <see cref="CrossTenantReaderFactory"/>: reads span tenants, writes are refused.</summary>
    public bool IsCrossTenantReader { get; }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<Bot> Bots => Set<Bot>();
    public DbSet<BotRoute> BotRoutes => Set<BotRoute>();
    public DbSet<InboxUpdate> InboxUpdates => Set<InboxUpdate>();
    public DbSet<StoreSettings> StoreSettings => Set<StoreSettings>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<LicenseKey> LicenseKeys => Set<LicenseKey>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<TelegramFileCache> TelegramFileCache => Set<TelegramFileCache>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DuplicateCharge> DuplicateCharges => Set<DuplicateCharge>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<SubscriptionPlan> SubscriptionPlans => Set<SubscriptionPlan>();
    public DbSet<PlanGrant> PlanGrants => Set<PlanGrant>();
    public DbSet<ManagedChat> ManagedChats => Set<ManagedChat>();
    public DbSet<ChatMembership> ChatMemberships => Set<ChatMembership>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<StarLedgerEntry> StarLedger => Set<StarLedgerEntry>();
    public DbSet<StarReconciliation> StarReconciliations => Set<StarReconciliation>();
    public DbSet<TelegramStarTransaction> TelegramStarTransactions => Set<TelegramStarTransaction>();
    public DbSet<LedgerMismatch> LedgerMismatches => Set<LedgerMismatch>();
    public DbSet<OwnerTelegramLink> OwnerTelegramLinks => Set<OwnerTelegramLink>();
    public DbSet<WithdrawableNotice> WithdrawableNotices => Set<WithdrawableNotice>();
    public DbSet<LedgerCheckpoint> LedgerCheckpoints => Set<LedgerCheckpoint>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<SendRateSlot> SendRateSlots => Set<SendRateSlot>();
    public DbSet<AdminAuditEntry> AdminAuditEntries => Set<AdminAuditEntry>();
    public DbSet<DailyStoreFigures> DailyStoreFigures => Set<DailyStoreFigures>();
    public DbSet<PlatformSalesSnapshot> PlatformSalesSnapshots => Set<PlatformSalesSnapshot>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        TenantModel.ApplyTenantFilters(builder, this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantModel.StampAndCheck(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantModel.StampAndCheck(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
