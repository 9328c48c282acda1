using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Tenancy;

namespace Platform.Core.Data;

/// <summary>The EF Core half of tenant isolation: query filters and save-time stamping.</summary>
internal static class TenantModel
{
    public const string FilterName = "Tenant";

    /// <summary>
    /// Adds <c>e => ctx.IsCrossTenantReader || e.TenantId == ctx.CurrentTenantId</c> to every tenant-owned
    /// entity. The filter reads members of the context instance, so EF Core evaluates them per context.
    /// </summary>
    public static void ApplyTenantFilters(ModelBuilder builder, PlatformDbContext context)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null)
            {
                continue;
            }

            var entity = Expression.Parameter(entityType.ClrType, "e");
            var ctx = Expression.Constant(context);
            var tenantMatches = Expression.Equal(
                Expression.Convert(Expression.Property(entity, nameof(ITenantOwned.TenantId)), typeof(Guid?)),
                Expression.Property(ctx, nameof(PlatformDbContext.CurrentTenantId)));
            var body = Expression.OrElse(Expression.Property(ctx, nameof(PlatformDbContext.IsCrossTenantReader)), tenantMatches);
            builder.Entity(entityType.ClrType).HasQueryFilter(FilterName, Expression.Lambda(body, entity));
            builder.Entity(entityType.ClrType).HasIndex(nameof(ITenantOwned.TenantId));
        }
    }

    /// <summary>
    /// New tenant-owned rows get the current tenant; a row carrying another tenant, or any write
    /// without a tenant or through a cross-tenant reader, throws before anything reaches the database.
    /// </summary>
    public static void StampAndCheck(PlatformDbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (context.IsCrossTenantReader)
            {
                throw new InvalidOperationException("A cross-tenant reader is read-only; write through a tenant-scoped context.");
            }

            if (entry.Entity is not ITenantOwned owned)
            {
                continue;
            }

            var current = context.CurrentTenantId
                ?? throw new TenantMismatchException($"Cannot save {entry.Metadata.ClrType.Name}: no current tenant is set.");

            if (entry.State == EntityState.Added && owned.TenantId == Guid.Empty)
            {
                owned.TenantId = current;
            }
            else if (owned.TenantId != current)
            {
                throw new TenantMismatchException(
                    $"{entry.Metadata.ClrType.Name} belongs to tenant {owned.TenantId}, not to the current tenant {current}.");
            }
        }
    }
}
