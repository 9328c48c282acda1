using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Tenancy;

/// <summary>
/// Two walls: EF Core's filter and stamping, and PostgreSQL row-level security on its own (raw SQL as the
/// app role). Each store here has one owner membership, so "sees only its own" means exactly one row.
/// </summary>
public sealed class TenantIsolationTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>, IAsyncLifetime
{
    private TenantInfo storeA = null!;
    private TenantInfo storeB = null!;

    public async Task InitializeAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        storeA = (await app.SignUpStoreAsync($"Alpha {suffix}", $"alpha-{suffix}@example.test", "correct-horse-battery")).Tenant!;
        storeB = (await app.SignUpStoreAsync($"Bravo {suffix}", $"bravo-{suffix}@example.test", "correct-horse-battery")).Tenant!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_tenant_reads_only_its_own_rows_through_EF()
    {
        await using var scope = app.CreateTenantScope(storeA);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenants = await db.Memberships.Select(m => m.TenantId).Distinct().ToListAsync();
        Assert.Equal([storeA.Id], tenants);
        Assert.Empty(await db.Memberships.Where(m => m.TenantId == storeB.Id).ToListAsync());
    }

    [Fact]
    public async Task Even_without_the_EF_filter_row_level_security_hides_other_tenants_rows()
    {
        await using var scope = app.CreateTenantScope(storeA);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenants = await db.Memberships.IgnoreQueryFilters().Select(m => m.TenantId).Distinct().ToListAsync();
        Assert.Equal([storeA.Id], tenants);
    }

    [Fact]
    public async Task Without_a_tenant_no_tenant_rows_are_visible()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(0, await db.Memberships.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task Saving_a_row_of_another_tenant_throws_before_reaching_the_database()
    {
        await using var scope = app.CreateTenantScope(storeA);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), TenantId = storeB.Id, UserId = Guid.NewGuid(), Role = MembershipRole.Staff });
        await Assert.ThrowsAsync<TenantMismatchException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task New_rows_are_stamped_with_the_current_tenant()
    {
        await using var scope = app.CreateTenantScope(storeA);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Email = "x@example.test",
            TokenHash = Guid.NewGuid().ToString("N"),
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1)
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        Assert.Equal(storeA.Id, invitation.TenantId);
    }

    [Fact]
    public async Task Raw_SQL_as_the_app_role_sees_only_the_sessions_tenant()
    {
        await using var connection = await OpenAppConnectionAsync(storeA);
        Assert.Equal([storeA.Id], await TenantIdsAsync(connection));

        await SetTenantAsync(connection, null);
        Assert.Empty(await TenantIdsAsync(connection));
    }

    [Fact]
    public async Task Raw_SQL_cannot_insert_a_row_for_another_tenant()
    {
        await using var connection = await OpenAppConnectionAsync(storeA);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO "Memberships" ("Id", "TenantId", "UserId", "Role", "CreatedAt")
            SELECT gen_random_uuid(), @b, "UserId", 'Staff', now() FROM "Memberships" LIMIT 1
            """, connection);
        insert.Parameters.AddWithValue("b", storeB.Id);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState); // "new row violates row-level security policy"
    }

    [Fact]
    public async Task Raw_SQL_cannot_update_or_delete_another_tenants_rows()
    {
        await using var connection = await OpenAppConnectionAsync(storeA);
        await using var update = new NpgsqlCommand("""UPDATE "Memberships" SET "Role" = 'Staff' WHERE "TenantId" = @b""", connection);
        update.Parameters.AddWithValue("b", storeB.Id);
        Assert.Equal(0, await update.ExecuteNonQueryAsync());
        await using var delete = new NpgsqlCommand("""DELETE FROM "Memberships" WHERE "TenantId" = @b""", connection);
        delete.Parameters.AddWithValue("b", storeB.Id);
        Assert.Equal(0, await delete.ExecuteNonQueryAsync());

        await using var ownerView = await OpenAppConnectionAsync(storeB);
        Assert.Equal([storeB.Id], await TenantIdsAsync(ownerView));
    }

    [Fact]
    public async Task A_pooled_connection_reused_by_another_tenant_sees_only_that_tenants_rows()
    {
        // One physical connection in the pool: both contexts must get the same backend process.
        var singleConnection = new NpgsqlConnectionStringBuilder(app.Database.AppConnectionString)
        {
            MaxPoolSize = 1,
            ApplicationName = "pool-reuse-test"
        }.ConnectionString;
        var options = DataServiceCollectionExtensions
            .Configure(new DbContextOptionsBuilder<PlatformDbContext>(), singleConnection, app.Services.GetRequiredService<TenantSessionInterceptor>())
            .Options as DbContextOptions<PlatformDbContext>;

        // The scenario needs B to get A's physical connection back from the pool. Under heavy machine load
        // Npgsql occasionally opens a fresh one instead; that run proves nothing, so it is repeated (bounded).
        var reused = false;
        for (var attempt = 0; attempt < 5 && !reused; attempt++)
        {
            var (pidA, seenByA) = await ReadAsync(storeA);
            var (pidB, seenByB) = await ReadAsync(storeB);
            Assert.Equal([storeA.Id], seenByA);
            Assert.Equal([storeB.Id], seenByB);
            reused = pidA == pidB;
        }

        Assert.True(reused, "The pool never handed the same physical connection to the second tenant.");

        async Task<(int Pid, List<Guid> Seen)> ReadAsync(TenantInfo tenant)
        {
            var context = new TenantContext();
            context.SetTenant(tenant);
            await using var db = new PlatformDbContext(options!, context);
            await db.Database.OpenConnectionAsync();
            var pid = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
            var seen = await db.Memberships.IgnoreQueryFilters().Select(m => m.TenantId).Distinct().ToListAsync();
            await db.Database.CloseConnectionAsync();
            return (pid, seen);
        }
    }

    [Fact]
    public async Task The_cross_tenant_reader_sees_every_store_and_refuses_to_save()
    {
        await using var db = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        var tenants = await db.Memberships.Select(m => m.TenantId).Distinct().ToListAsync();
        Assert.Contains(storeA.Id, tenants);
        Assert.Contains(storeB.Id, tenants);

        db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), TenantId = storeA.Id, Email = "x@example.test", TokenHash = "x" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private async Task<NpgsqlConnection> OpenAppConnectionAsync(TenantInfo tenant)
    {
        var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await SetTenantAsync(connection, tenant);
        return connection;
    }

    private static async Task SetTenantAsync(NpgsqlConnection connection, TenantInfo? tenant)
    {
        await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", connection);
        set.Parameters.AddWithValue("t", tenant?.Id.ToString() ?? string.Empty);
        await set.ExecuteNonQueryAsync();
    }

    private static async Task<List<Guid>> TenantIdsAsync(NpgsqlConnection connection)
    {
        await using var select = new NpgsqlCommand("""SELECT DISTINCT "TenantId" FROM "Memberships" """, connection);
        var ids = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
