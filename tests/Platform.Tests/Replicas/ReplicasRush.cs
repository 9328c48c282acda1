using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Tests.Bots;

namespace Platform.Tests.Replicas;

/// <summary>
/// One bot, <see cref="Chats"/> buyers, one paid order each, and one <see cref="FulfilOrderJob"/> per order enqueued at
/// once: the Hangfire servers of both workers take them together, so the bot's messages leave from two processes at
/// the same time — the case a per-process gate gets wrong. The sandbox's flood control counts every 429 it answers.
/// </summary>
internal static class ReplicasRush
{
    public const int Chats = 160;

    public sealed record Result(int Messages, TimeSpan Took, long FloodRefusals, IReadOnlyDictionary<string, int> JobsPerServer)
    {
        public double PerSecond => Messages / Took.TotalSeconds;
    }

    public static async Task<Result> RunAsync(ReplicasCluster app, string name)
    {
        var store = await TestStore.CreateAsync(app, name);
        var product = await store.AddTextProductAsync("Note", 1, $"{name.ToUpperInvariant()} NOTE");
        var users = new List<long>();
        for (var i = 0; i < Chats; i++)
        {
            users.Add(await app.Telegram.CreateUserAsync($"{name} {i}", 10));
        }

        // As on Telegram, a bot may only write to users who wrote first: each buyer says /help and gets an answer.
        await Task.WhenAll(users.Select(u => app.Telegram.SendTextAsync(u, store.TelegramBotId, "/help")));
        await WaitAsync(() => store.WithDbAsync(db => db.InboxUpdates.CountAsync(u => u.BotId == store.BotId && u.ProcessedAt != null)),
            Chats, TimeSpan.FromSeconds(60), "the /help answers");
        var orders = await store.WithDbAsync(async db =>
        {
            var known = await db.Customers.ToDictionaryAsync(c => c.TelegramUserId);
            var at = DateTimeOffset.UtcNow;
            var made = new List<Guid>();
            foreach (var user in users)
            {
                if (!known.TryGetValue(user, out var customer))
                {
                    customer = new Customer { Id = Guid.NewGuid(), TenantId = store.Tenant.Id, TelegramUserId = user, FirstName = name, CreatedAt = at, LastSeenAt = at };
                    db.Customers.Add(customer);
                }

                var order = new Order
                {
                    Id = Guid.NewGuid(), TenantId = store.Tenant.Id, BotId = store.BotId, CustomerId = customer.Id, ProductId = product,
                    PriceStars = 1, ProductTitle = "Note", Status = OrderStatus.Paid, ChatId = user, TelegramPaymentChargeId = $"stx{name}{user}",
                    CreatedAt = at, PaidAt = at,
                };
                db.Orders.Add(order);
                made.Add(order.Id);
            }

            await db.SaveChangesAsync();
            return made;
        });

        await Task.Delay(TimeSpan.FromSeconds(2)); // the /help answers' share of the sandbox's bucket refills
        var refusedBefore = await RefusalsAsync(app, store);
        var messagesBefore = await store.WithDbAsync(db => db.Deliveries.CountAsync());
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var clock = Stopwatch.StartNew();
        var ids = orders.Select(o => long.Parse(jobs.Enqueue<FulfilOrderJob>(j => j.RunAsync(store.Tenant.Id, o, CancellationToken.None)),
            System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await WaitAsync(() => store.WithDbAsync(db => db.Orders.CountAsync(o => o.Status == OrderStatus.Fulfilled)), Chats, TimeSpan.FromSeconds(90),
            "the rush's fulfilments");
        var took = clock.Elapsed;
        var messages = await store.WithDbAsync(db => db.Deliveries.CountAsync()) - messagesBefore;
        return new Result(messages, took, await RefusalsAsync(app, store) - refusedBefore, await ServersAsync(app, ids));
    }

    private static async Task<long> RefusalsAsync(ReplicasCluster app, TestStore store) =>
        (await app.Telegram.BotAsync(store.TelegramBotId)).GetProperty("flood_refusals").GetInt64();

    /// <summary>Which Hangfire server (one per worker process) ran each job: its Processing state names it.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> ServersAsync(ReplicasCluster app, long[] jobIds)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT s.data::jsonb ->> 'ServerId', count(DISTINCT s.jobid)::int FROM {DatabaseMigrator.HangfireSchema}.state s
            WHERE s.name = 'Processing' AND s.jobid = ANY($1) GROUP BY 1
            """, connection) { Parameters = { new() { Value = jobIds } } };
        var servers = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            servers[reader.GetString(0)] = reader.GetInt32(1);
        }

        return servers;
    }

    private static async Task WaitAsync(Func<Task<int>> count, int expected, TimeSpan within, string what)
    {
        var giveUp = Stopwatch.StartNew();
        int seen;
        while ((seen = await count()) < expected)
        {
            Assert.True(giveUp.Elapsed < within, $"{what}: {seen} of {expected} after {within.TotalSeconds:F0} s");
            await Task.Delay(50);
        }
    }
}
