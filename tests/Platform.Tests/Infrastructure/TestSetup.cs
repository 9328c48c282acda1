using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Data;

namespace Platform.Tests.Infrastructure;

internal static class TestSetup
{
    /// <summary>The run's template database is migrated once, exactly as the Production migrate step does it.</summary>
    [ModuleInitializer]
    internal static void Initialize() =>
        TestPostgres.PrepareTemplate = (database, cancellationToken) =>
            DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, cancellationToken);
}
