using System.Globalization;
using System.Text;
using Npgsql;
using Platform.Core.Data;
using Platform.LocalPostgres;

namespace Platform.Tests.Security;

/// <summary>
/// A fingerprint of everything a store owns: its tenant row and, for every table with a TenantId column, a hash of its
/// rows, read as the table owner with the cross-tenant switch on (so RLS does not hide anything). Two equal
/// fingerprints mean nothing of the store was written in between; a new tenant-scoped table is included on its own.
/// </summary>
internal static class TenantRows
{
    public static async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(LocalDatabase database, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var cross = new NpgsqlCommand($"SELECT set_config('{TenantSessionInterceptor.CrossTenantSetting}', 'on', false)", connection))
        {
            await cross.ExecuteScalarAsync();
        }

        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'TenantId' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprint = new Dictionary<string, string>();
        var sql = new StringBuilder("SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM \"Tenants\" t WHERE \"Id\" = @tenant");
        foreach (var table in tables)
        {
            sql.Append(CultureInfo.InvariantCulture,
                $"; SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t " +
                $"WHERE \"TenantId\" = @tenant");
        }

        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var results = await command.ExecuteReaderAsync();
        foreach (var name in tables.Prepend("Tenants"))
        {
            await results.ReadAsync();
            fingerprint[name] = results.IsDBNull(0) ? "" : results.GetString(0);
            await results.NextResultAsync();
        }

        return fingerprint;
    }

    /// <summary>The tables whose fingerprint differs, for a readable assertion message.</summary>
    public static string Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(", ", before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)));
}
