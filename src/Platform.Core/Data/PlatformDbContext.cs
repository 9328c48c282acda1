using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Email;
using Platform.Core.Identity;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;

namespace Platform.Core.Data;

/// <summary>
/// The one DbContext. It captures the current tenant when it is created (the tenant is set once per
/// request or job, before this), filters every <see cref="ITenantOwned"/> entity by it and stamps it
/// on save. <see cref="TenantSessionInterceptor"/> hands the same tenant to PostgreSQL for row-level security.
/// </summary>
public sealed class PlatformDbContext : IdentityDbContext<PlatformUser, PlatformRole, Guid>, IDataProtectionKeyContext
{
    public PlatformDbContext(DbContextOptions<PlatformDbContext> options, ITenantContextAccessor tenantContext)
        : base(options)
    {
        CurrentTenantId = tenantContext.Tenant?.Id;
        IsCrossTenantReader = tenantContext.IsCrossTenantReader;
    }

    /// <summary>Read by the query filters; null means "no tenant": tenant-owned queries return nothing.</summary>
    public Guid? CurrentTenantId { get; }

    /// <summary>Set only through <see cref="CrossTenantReaderFactory"/>: reads span tenants, writes are refused.</summary>
    public bool IsCrossTenantReader { get; }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

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
