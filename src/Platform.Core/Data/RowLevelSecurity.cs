using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Core.Data;

/// <summary>
/// Row-level security for tenant-owned tables, used from migrations. FORCE makes the policies bind the
/// table owner too; the app role is neither owner nor superuser, so it cannot get around them.
/// Writes need the session's tenant; reads of all tenants need the explicit cross-tenant setting,
/// which only <see cref="CrossTenantReaderFactory"/> turns on.
/// </summary>
public static class RowLevelSecurity
{
    internal const string CurrentTenantSql = $"NULLIF(current_setting('{TenantSessionInterceptor.TenantSetting}', true), '')::uuid";

    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql($"""
            ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
            ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON "{table}"
                USING ("TenantId" = {CurrentTenantSql})
                WITH CHECK ("TenantId" = {CurrentTenantSql});
            CREATE POLICY cross_tenant_read ON "{table}" FOR SELECT
                USING (current_setting('{TenantSessionInterceptor.CrossTenantSetting}', true) = 'on');
            """);
    }

    public static void DisableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql($"""
            DROP POLICY IF EXISTS cross_tenant_read ON "{table}";
            DROP POLICY IF EXISTS tenant_isolation ON "{table}";
            ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY;
            ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
            """);
    }
}
