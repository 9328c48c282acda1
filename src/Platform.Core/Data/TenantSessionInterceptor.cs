using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// The PostgreSQL half of tenant isolation. Each time EF Core opens a connection for a context, the
/// session settings read by the row-level security policies are overwritten with that context's
/// tenant (or cleared). Because every open sets them, a pooled connection never carries the previous
/// user's tenant; Npgsql's reset on return (DISCARD ALL) is a second guard.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public const string TenantSetting = "app.tenant_id";
    public const string CrossTenantSetting = "app.cross_tenant";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = BuildCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = BuildCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand BuildCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var context = eventData.Context as PlatformDbContext;
        var set = TenantSession.Set(context?.CurrentTenantId, context?.IsCrossTenantReader == true);
        var command = connection.CreateCommand();
        command.CommandText = set.CommandText;
        foreach (NpgsqlParameter parameter in set.Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value });
        }

        return command;
    }
}
