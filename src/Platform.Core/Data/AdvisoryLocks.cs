using System.Data.Common;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// PostgreSQL session advisory locks on a given connection, keyed (class, key). Held by the connection's session, so
/// a process that dies releases them with its connection — which is why processors and fulfilment use them.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>The statements themselves ($1 class, $2 key), for a hot path that sends them inside a batch of its own.</summary>
    public const string TryLockSql = "SELECT pg_try_advisory_lock($1, $2)";

    public const string UnlockSql = "SELECT pg_advisory_unlock($1, $2)";

    public static Task<bool> TryLockAsync(DbConnection connection, int lockClass, int key, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, TryLockSql, lockClass, key, cancellationToken);

    public static Task<bool> UnlockAsync(DbConnection connection, int lockClass, int key) =>
        ExecuteAsync(connection, UnlockSql, lockClass, key, CancellationToken.None);

    private static async Task<bool> ExecuteAsync(DbConnection connection, string sql, int lockClass, int key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection);
        command.Parameters.AddPositional(lockClass, key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
