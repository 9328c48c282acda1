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
/// One bot, <see cref="Chats"/> buyers, <see cref="OrdersPerChat"/> paid orders each, and one <see cref="FulfilOrderJob"/> per order enqueued at
/// once: the Hangfire servers of both workers take them together, so the bot's messages leave from two processes at
/// the same time — the case a per-process gate gets wrong. The sandbox's flood control counts every 429 it answers.
/// </summary>
internal sealed class ReplicasRush
{
    public const int Chats = 75;

    /// <summary>Orders per buyer in one run: 150 messages, two per chat (the sandbox's per-chat burst is 3).</summary>
    public const int OrdersPerChat = 2;
    private readonly ReplicasCluster app;
    private readonly TestStore store;
    private readonly Guid product;
    private readonly Dictionary<long, Guid> customers;

    private ReplicasRush(ReplicasCluster app, TestStore store, Guid product, Dictionary<long, Guid> customers)
    {
        this.app = app;
        this.store = store;
        this.product = product;
        this.customers = customers;
    }

    public sealed record Result(int Messages, TimeSpan Took, long FloodRefusals, long ChatFloodRefusals, IReadOnlyDictionary<string, int> JobsPerServer)
    {
        public double PerSecond => Messages / Took.TotalSeconds;
    }

    /// <summary>The store, its bot and <see cref="Chats"/> buyers who wrote to it first (as on Telegram, a bot may only answer them).</summary>
    public static async Task<ReplicasRush> PrepareAsync(ReplicasCluster app, string name)
    {
        var store = await TestStore.CreateAsync(app, name);
        var product = await store.AddTextProductAsync("Note", 1, $"{name.ToUpperInvariant()} NOTE");
        var users = new List<long>();
        for (var i = 0; i < Chats; i++)
        {
            users.Add(await app.Telegram.CreateUserAsync($"{name} {i}", 10));
        }

        await Task.WhenAll(users.Select(u => app.Telegram.SendTextAsync(u, store.TelegramBotId, "/help")));
        await WaitAsync(() => store.WithDbAsync(db => db.InboxUpdates.CountAsync(u => u.BotId == store.BotId && u.ProcessedAt != null)),
            Chats, TimeSpan.FromSeconds(120), "the /help answers");
        var customers = await store.WithDbAsync(async db =>
        {
            var known = await db.Customers.ToDictionaryAsync(c => c.TelegramUserId, c => c.Id);
            var at = DateTimeOffset.UtcNow;
            foreach (var user in users.Where(u => !known.ContainsKey(u)))
            {
                known[user] = Guid.NewGuid();
                db.Customers.Add(new Customer
                {
                    Id = known[user],
                    TenantId = store.Tenant.Id,
                    TelegramUserId = user,
                    FirstName = name,
                    CreatedAt = at,
                    LastSeenAt = at,
                });
            }

            await db.SaveChangesAsync();
            return known;
        });
        return new ReplicasRush(app, store, product, customers);
    }

    /// <summary>Paid orders for every buyer, all fulfilment jobs enqueued at once; returns what the rush cost and drew.</summary>
    public async Task<Result> RunAsync(string tag)
    {
        var orders = await store.WithDbAsync(async db =>
        {
            var at = DateTimeOffset.UtcNow;
            var made = customers.SelectMany(c => Enumerable.Range(0, OrdersPerChat).Select(n => (c.Key, c.Value, n))).Select(c => new Order
            {
                Id = Guid.NewGuid(),
                TenantId = store.Tenant.Id,
                BotId = store.BotId,
                CustomerId = c.Value,
                ProductId = product,
                PriceStars = 1,
                ProductTitle = "Note",
                Status = OrderStatus.Paid,
                ChatId = c.Key,
                TelegramPaymentChargeId = $"stx{tag}{c.Key}n{c.n}",
                CreatedAt = at,
                PaidAt = at,
            }).ToList();
            db.Orders.AddRange(made);
            await db.SaveChangesAsync();
            return made.Select(o => o.Id).ToList();
        });

        await Task.Delay(TimeSpan.FromSeconds(2)); // whatever the bot sent before, its share of the sandbox's bucket refills
        var (refusedBefore, chatRefusedBefore) = await RefusalsAsync();
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var clock = Stopwatch.StartNew();
        var ids = orders.Select(o => long.Parse(jobs.Enqueue<FulfilOrderJob>(j => j.RunAsync(store.Tenant.Id, o, CancellationToken.None)),
            System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await WaitAsync(() => store.WithDbAsync(db => db.Orders.CountAsync(o => orders.Contains(o.Id) && o.Status == OrderStatus.Fulfilled)), orders.Count,
            TimeSpan.FromSeconds(120), $"the {tag} rush's fulfilments");
        var took = clock.Elapsed;
        var messages = await store.WithDbAsync(db => db.Deliveries.CountAsync(d => orders.Contains(d.OrderId)));
        var (refused, chatRefused) = await RefusalsAsync();
        return new Result(messages, took, refused - refusedBefore, chatRefused - chatRefusedBefore, await ServersAsync(ids));
    }

    /// <summary>The sandbox's 429s for this bot so far: for its own limit, and for one chat's.</summary>
    private async Task<(long Bot, long Chat)> RefusalsAsync()
    {
        var bot = await app.Telegram.BotAsync(store.TelegramBotId);
        return (bot.GetProperty("flood_refusals").GetInt64(), bot.GetProperty("chat_flood_refusals").GetInt64());
    }

    /// <summary>Which Hangfire server (one per worker process) ran each job: its Processing state names it.</summary>
    private async Task<IReadOnlyDictionary<string, int>> ServersAsync(long[] jobIds)
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
