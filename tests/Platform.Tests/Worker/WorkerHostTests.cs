using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Tests.Infrastructure;
using Platform.Worker;

namespace Platform.Tests.Worker;

public sealed class WorkerHostTests
{
    [Fact]
    public async Task The_worker_starts_and_registers_a_job_server_in_postgres_as_the_app_role()
    {
        var database = await TestPostgres.Instance.CreateDatabaseAsync("worker");
        using var host = WorkerHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Platform"] = database.AppConnectionString });
        });
        await host.StartAsync();
        try
        {
            await using var connection = new NpgsqlConnection(database.AppConnectionString);
            await connection.OpenAsync();
            long servers = 0;
            // The server registers itself shortly after start; at the start of a full run, with every test class's host
            // starting at once on two cores, that took over 10 s once. Poll for up to a minute.
            var deadline = System.Diagnostics.Stopwatch.StartNew();
            while (servers == 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await using var count = new NpgsqlCommand("SELECT count(*) FROM hangfire.server WHERE id LIKE 'worker:%'", connection);
                servers = (long)(await count.ExecuteScalarAsync())!;
                if (servers == 0)
                {
                    await Task.Delay(100); // polling an external process's heartbeat, not waiting for time to pass
                }
            }

            Assert.Equal(1, servers);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
