using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// The statement that hands a connection's session its tenant for row-level security (the settings the policies read).
/// One text for every place that sets it: the EF Core interceptor on each open, and the hot paths that put it in the
/// same round trip as their first query (an <see cref="NpgsqlBatch"/>) instead of paying a round trip of its own.
/// </summary>
public static class TenantSession
{
    private const string SessionSql =
        $"SELECT set_config('{TenantSessionInterceptor.TenantSetting}', $1, false), set_config('{TenantSessionInterceptor.CrossTenantSetting}', $2, false)";

    private const string TransactionSql =
        $"SELECT set_config('{TenantSessionInterceptor.TenantSetting}', $1, true), set_config('{TenantSessionInterceptor.CrossTenantSetting}', $2, true)";

    /// <summary>Sets the tenant (null: none) for the rest of the session, or only the current transaction when <paramref name="transactionLocal"/>.</summary>
    public static NpgsqlBatchCommand Set(Guid? tenantId, bool crossTenant = false, bool transactionLocal = false)
    {
        var command = new NpgsqlBatchCommand(transactionLocal ? TransactionSql : SessionSql);
        command.Parameters.AddPositional(tenantId?.ToString() ?? string.Empty, crossTenant ? "on" : "off");
        return command;
    }

    /// <summary>Sets the session's tenant on an open connection: one round trip.</summary>
    public static async Task SetAsync(NpgsqlConnection connection, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { Set(tenantId) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
