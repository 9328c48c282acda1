using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Tests.Infrastructure;
using Platform.Worker;

namespace Platform.Tests.Worker;

/// <summary>
/// <c>Jobs:WorkerCount</c> and <c>Jobs:Queues</c> (the chart's <c>worker.hangfire.*</c>) reach the Hangfire server a
/// worker registers, and a queue list without <c>default</c>, where every platform job goes, stops the worker on start.
/// </summary>
public sealed class JobServerOptionsShould
{
    [Fact]
    public async Task Size_the_hangfire_server_and_its_queues_from_the_jobs_settings()
    {
        var database = await TestPostgres.Instance.CreateDatabaseAsync("jobsize");
        using var host = Build(database.AppConnectionString, new()
        {
            ["Jobs:WorkerCount"] = "3",
            ["Jobs:Queues:0"] = "critical",
            ["Jobs:Queues:1"] = "default",
        });
        await host.StartAsync();
        try
        {
            await using var connection = new NpgsqlConnection(database.AppConnectionString);
            await connection.OpenAsync();
            string? data = null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (data is null && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await using var read = new NpgsqlCommand("SELECT data FROM hangfire.server WHERE id LIKE 'worker:%'", connection);
                data = (string?)await read.ExecuteScalarAsync();
                if (data is null)
                {
                    await Task.Delay(100); // polling the server's first heartbeat, not waiting for time to pass
                }
            }

            Assert.NotNull(data);
            using var server = System.Text.Json.JsonDocument.Parse(data);
            Assert.Equal(3, server.RootElement.GetProperty("WorkerCount").GetInt32());
            Assert.Equal(["critical", "default"], server.RootElement.GetProperty("Queues").EnumerateArray().Select(q => q.GetString()));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Refuse_to_start_with_queues_that_leave_out_the_default_queue()
    {
        var database = await TestPostgres.Instance.CreateDatabaseAsync("jobqueues");
        using var host = Build(database.AppConnectionString, new() { ["Jobs:Queues:0"] = "critical" });
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Jobs:Queues must include 'default'", refused.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string connectionString, Dictionary<string, string?> settings) => WorkerHost.Build([], builder =>
    {
        builder.Environment.EnvironmentName = "Testing";
        settings["ConnectionStrings:Platform"] = connectionString;
        builder.Configuration.AddInMemoryCollection(settings);
    });
}
