using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Tenancy;

/// <summary>Rules every present and future entity must follow; they fail the build's tests, not a review.</summary>
public sealed class TenantModelRulesTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public void Every_entity_is_tenant_owned_or_marked_global()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var unclassified = db.Model.GetEntityTypes()
            .Select(e => e.ClrType)
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t) && !GlobalEntities.IsGlobal(t))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(unclassified);
    }

    [Fact]
    public void Every_tenant_owned_entity_has_the_tenant_query_filter()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var unfiltered = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Where(e => e.GetDeclaredQueryFilters().All(f => f.Key != "Tenant"))
            .Select(e => e.ClrType.Name)
            .ToList();
        Assert.Empty(unfiltered);
    }

    [Fact]
    public void Unique_indexes_of_tenant_owned_entities_include_TenantId()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var offenders = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique).Select(i => (Entity: e.ClrType.Name, Index: i)))
            .Where(x => x.Index.Properties.All(p => p.Name != nameof(ITenantOwned.TenantId)))
            .Select(x => $"{x.Entity}({string.Join(",", x.Index.Properties.Select(p => p.Name))})")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task Every_table_with_a_TenantId_column_has_forced_row_level_security_and_policies()
    {
        // Global entities may carry a TenantId as data (BotRoutes maps a bot to its tenant before one is known).
        HashSet<string> globalTables;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            globalTables = db.Model.GetEntityTypes().Where(e => GlobalEntities.IsGlobal(e.ClrType)).Select(e => e.GetTableName()!).ToHashSet();
        }

        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE c.relkind = 'r' AND EXISTS (
                SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'TenantId' AND NOT a.attisdropped)
            """, connection);
        var tables = new List<string>();
        var unguarded = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (globalTables.Contains(reader.GetString(0)))
                {
                    continue;
                }

                tables.Add(reader.GetString(0));
                if (!reader.GetBoolean(1) || !reader.GetBoolean(2) || reader.GetInt64(3) < 2)
                {
                    unguarded.Add(reader.GetString(0));
                }
            }
        }

        Assert.Contains("Memberships", tables);
        Assert.Contains("Orders", tables);
        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task The_app_role_neither_owns_tenant_tables_nor_bypasses_row_level_security()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relkind = 'r')
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(0, reader.GetInt64(2));
    }
}
