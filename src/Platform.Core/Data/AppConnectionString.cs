using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// The app role's connection string as the app uses it. Unless the string says otherwise, Npgsql prepares the
/// statements a connection runs repeatedly (<c>Max Auto Prepare</c>): the hot paths run the same few dozen
/// statements for every update, and preparing them spared PostgreSQL about a third of its CPU per purchase in the
/// checkout benchmark (docs/benchmarks.md). Prepared statements survive the pool's reset, and row-level security is
/// unaffected (the policies read the session's tenant setting at execution).
/// </summary>
public static class AppConnectionString
{
    public const int MaxAutoPrepare = 64;

    public static string WithDefaults(string connectionString)
    {
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) ||
            connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString; // the operator chose
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare, AutoPrepareMinUsages = 2 }.ConnectionString;
    }
}
