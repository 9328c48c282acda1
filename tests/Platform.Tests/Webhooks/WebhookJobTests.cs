using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Webhooks;

namespace Platform.Tests.Webhooks;

/// <summary>What the webhook code puts into Hangfire: ids only, one sender job per endpoint, one sweep fanning out per tenant.</summary>
public sealed class WebhookJobTests(WebhookAppFactory app) : IClassFixture<WebhookAppFactory>
{
    [Fact]
    public async Task Sender_jobs_carry_only_the_tenant_and_endpoint_ids_and_one_job_serves_many_deliveries()
    {
        var (tenant, _) = await app.NewStoreAsync("Jobs");
        var (endpoint, secret) = await app.CreateEndpointAsync(tenant, "http://127.0.0.1:9/jobs");
        for (var i = 0; i < 5; i++)
        {
            await app.EmitAsync(tenant);
        }

        await app.PumpAsync(tenant);
        await app.PumpAsync(tenant); // the endpoint's lease is taken: no second job

        var jobs = await JobsAsync(nameof(WebhookSender.SendAsync));
        var job = Assert.Single(jobs, j => j.Contains(endpoint.Id.ToString()));
        Assert.Contains(tenant.Id.ToString(), job);
        Assert.DoesNotContain("whsec_", job);
        Assert.DoesNotContain(secret[6..20], job);
    }

    [Fact]
    public async Task The_one_recurring_sweep_fans_out_a_job_per_tenant_with_work()
    {
        var (a, _) = await app.NewStoreAsync("SweepA");
        var (b, _) = await app.NewStoreAsync("SweepB");
        var (idle, _) = await app.NewStoreAsync("SweepIdle");
        await app.EmitAsync(a);
        await app.EmitAsync(b);

        await app.Services.GetRequiredService<WebhookDispatcher>().SweepAsync(CancellationToken.None);

        var pumps = await JobsAsync(nameof(WebhookDispatcher.PumpTenantAsync));
        Assert.Contains(pumps, j => j.Contains(a.Id.ToString()));
        Assert.Contains(pumps, j => j.Contains(b.Id.ToString()));
        Assert.DoesNotContain(pumps, j => j.Contains(idle.Id.ToString()));
    }

    private async Task<List<string>> JobsAsync(string method)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command =
            new NpgsqlCommand("SELECT invocationdata::text || ' ' || arguments::text FROM hangfire.job WHERE invocationdata::text LIKE '%' || $1 || '%'",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = method });
        var jobs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            jobs.Add(reader.GetString(0));
        }

        return jobs;
    }
}
