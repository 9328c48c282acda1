using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Operations;

/// <summary>The web app pointed at an empty database that was never migrated.</summary>
public sealed class UnmigratedDatabaseFactory : PlatformAppFactory
{
    private string emptyDatabaseConnectionString = string.Empty;

    public override async Task InitializeAsync()
    {
        var name = "empty_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(await TestPostgres.Instance.SuperuserConnectionStringAsync()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var template = new NpgsqlConnectionStringBuilder(await TestPostgres.Instance.SuperuserConnectionStringAsync());
        emptyDatabaseConnectionString = new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = name }.ConnectionString;
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["ConnectionStrings:Platform"] = emptyDatabaseConnectionString;
    }
}
