using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Core.Accounts;

/// <summary>
/// Creates a store, its unique slug and its owner account in one transaction. The work runs in a scope
/// bound to the new tenant's id, so the owner's membership passes both the EF filter and RLS.
/// </summary>
public sealed class StoreSignupService(TenantScopeFactory tenantScopes, ITenantStore tenants, TimeProvider clock)
{
    public async Task<Result<NewStore>> SignUpAsync(StoreSignup request, CancellationToken cancellationToken)
    {
        var name = request.StoreName.Trim();
        if (name.Length is 0 or > Tenant.NameMaxLength)
        {
            return Failure.Invalid(nameof(StoreSignup.StoreName), $"Store name is required and at most {Tenant.NameMaxLength} characters.");
        }

        var explicitSlug = string.IsNullOrWhiteSpace(request.Slug) ? null : request.Slug.Trim().ToLowerInvariant();
        if (explicitSlug is not null && !StoreSlug.IsValid(explicitSlug))
        {
            return Failure.Invalid(nameof(StoreSignup.Slug),
                "Store address may use 3–48 lowercase letters, digits and single hyphens, and must not be a reserved word.");
        }

        var slug = explicitSlug ?? await FreeSlugAsync(StoreSlug.FromName(name), cancellationToken);
        if (explicitSlug is not null && await tenants.FindBySlugAsync(explicitSlug, cancellationToken) is not null)
        {
            return Failure.Invalid(nameof(StoreSignup.Slug), "That store address is already taken.");
        }

        var tenant = new TenantInfo(Guid.CreateVersion7(), slug, name, TenantStatus.Active);
        await using var scope = tenantScopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Tenants.Add(new Tenant { Id = tenant.Id, Slug = slug, Name = name, Status = TenantStatus.Active, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Failure.Invalid(nameof(StoreSignup.Slug), "That store address is already taken.");
        }

        var user = new PlatformUser { Id = Guid.CreateVersion7(), UserName = request.Email.Trim(), Email = request.Email.Trim(), CreatedAt = now };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return Failure.Invalid(IdentityErrors.ToFieldErrors(created.Errors));
        }

        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), UserId = user.Id, Role = MembershipRole.Owner, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NewStore(tenant, user.Id);
    }

    private async Task<string> FreeSlugAsync(string baseSlug, CancellationToken cancellationToken)
    {
        var candidate = baseSlug;
        for (var n = 2; await tenants.FindBySlugAsync(candidate, cancellationToken) is not null; n++)
        {
            candidate = $"{baseSlug}-{n}";
        }

        return candidate;
    }
}
