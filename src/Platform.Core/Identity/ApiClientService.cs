using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Core.Identity;

/// <summary>
/// Creates, lists and revokes a store's machine clients (OAuth 2.0 client credentials). Each client is an
/// OpenIddict application (holding the hashed secret and the store in <see cref="TenantIdProperty"/>) plus a
/// tenant-owned <see cref="ApiClient"/> row; both are written on the request's DbContext in one transaction.
/// </summary>
public sealed class ApiClientService(
    PlatformDbContext db,
    IOpenIddictApplicationManager applications,
    ITenantContextAccessor tenantContext,
    TimeProvider clock,
    ILogger<ApiClientService> logger)
{
    /// <summary>Name of the OpenIddict application property that carries the owning store's id.</summary>
    public const string TenantIdProperty = "tenant_id";

    /// <summary>The one scope a merchant's client may ask for.</summary>
    public const string ApiScope = "api";

    public const string ClientIdPrefix = "sf_";

    private const string ClientIdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public async Task<Result<CreatedApiClient>> CreateAsync(string? name, Guid createdByUserId, CancellationToken cancellationToken)
    {
        var tenant = CurrentTenant();
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > ApiClient.NameMaxLength)
        {
            return Failure.Invalid(nameof(ApiClient.Name), $"Name is required and at most {ApiClient.NameMaxLength} characters.");
        }

        var clientId = ClientIdPrefix + RandomNumberGenerator.GetString(ClientIdAlphabet, 20);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret, // the manager stores only a salted PBKDF2 hash of it
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            DisplayName = trimmed,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ApiScope },
        };
        descriptor.Properties[TenantIdProperty] = JsonSerializer.SerializeToElement(tenant.Id.ToString());

        // The OpenIddict store resolves this same scoped DbContext, so one transaction covers both writes.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await applications.CreateAsync(descriptor, cancellationToken);
        var row = new ApiClient
        {
            Id = Guid.CreateVersion7(),
            Name = trimmed,
            ClientId = clientId,
            ApplicationId = await applications.GetIdAsync(application, cancellationToken)
                ?? throw new InvalidOperationException("OpenIddict returned an application without an id."),
            CreatedByUserId = createdByUserId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiClients.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("API client {ClientId} created in store {TenantId} by user {UserId}", clientId, tenant.Id, createdByUserId);
        return new CreatedApiClient(row, secret);
    }

    /// <summary>
    /// Deletes the OpenIddict application (with its tokens, so no refresh or introspection succeeds) and marks
    /// the row revoked. Returns false when the client is not in the current store. Revoking twice is a no-op.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var tenant = CurrentTenant();
        var row = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        if (row.RevokedAt is not null)
        {
            return true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await applications.FindByIdAsync(row.ApplicationId, cancellationToken);
        if (application is not null)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }

        row.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("API client {ClientId} revoked in store {TenantId}", row.ClientId, tenant.Id);
        return true;
    }

    /// <summary>The current store's clients, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken)
    {
        CurrentTenant();
        return await db.ApiClients.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>One client of the current store, or null — also null for another store's client (tenant filter).</summary>
    public async Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        CurrentTenant();
        return await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>
    /// The store all of this runs in. The DbContext must have been created for that same store; if something
    /// created it before the tenant was set, fail loudly instead of writing a row the filters would hide.
    /// </summary>
    private TenantInfo CurrentTenant()
    {
        var tenant = tenantContext.Tenant ?? throw new TenantMismatchException("API clients are managed within a store; no current store is set.");
        if (db.CurrentTenantId != tenant.Id)
        {
            throw new TenantMismatchException($"The DbContext serves tenant '{db.CurrentTenantId}', not the current store {tenant.Id}.");
        }

        return tenant;
    }
}
