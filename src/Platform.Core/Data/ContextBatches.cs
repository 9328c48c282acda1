using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// Plain Npgsql batches on a context's own connection (and transaction, if one is open), for the hot paths where
/// several statements must travel in one round trip. A batch without a transaction runs as one implicit
/// transaction: all its statements commit together or not at all. Raw statements bypass EF Core's tenant filter and
/// stamping, so each names its <c>TenantId</c>; row-level security still binds them.
/// </summary>
public static class ContextBatches
{
    /// <summary>Opens the context's connection if needed; dispose the result to close it again when it was opened here.</summary>
    public static async Task<IAsyncDisposable> EnsureOpenAsync(this PlatformDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new Closer(db);
    }

    public static NpgsqlBatch CreateBatch(this PlatformDbContext db)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        return new NpgsqlBatch(connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
    }

    /// <summary>Appends a statement whose <c>$n</c> parameters are <paramref name="values"/> (<see cref="SqlParameters"/>).</summary>
    public static NpgsqlBatchCommand Add(this NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddPositional(values);
        batch.BatchCommands.Add(command);
        return command;
    }

    private sealed class Closer(PlatformDbContext db) : IAsyncDisposable
    {
        // EF Core counts opens: this closes only what EnsureOpenAsync opened, never a connection handed to the context open.
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
