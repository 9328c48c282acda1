using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Inbox;
using Xunit.Abstractions;

namespace Platform.Tests.Bots;

/// <summary>
/// Updates a buyer (or Telegram's future) can send that the database or the Bot API types choke on — NUL, lone
/// surrogates, a megabyte of text, unknown update types, a shape the types cannot read — interleaved with the normal
/// traffic of several stores: every update is acknowledged and stored byte for byte, the normal ones are handled, the
/// unreadable ones set aside with their error, and none holds up its chat, its bot or another store.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class PoisonUpdateTests(BotAppFactory app, ITestOutputHelper output) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Poison_updates_among_several_stores_traffic_are_stored_losslessly_and_block_nothing()
    {
        var stores = new List<(TestStore Store, string Secret, SandboxBuyer Buyer)>();
        foreach (var name in new[] { "PoisonA", "PoisonB", "PoisonC" })
        {
            var store = await TestStore.CreateAsync(app, name);
            var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Pat");
            await buyer.SendAsync("/start"); // a bot may not write first
            await buyer.WaitForAsync(m => SandboxClient.Text(m) is not null);
            stores.Add((store, await IngressTests.SecretAsync(store), buyer));
        }

        using var http = app.CreateHttpClient();
        var sent = new List<(TestStore Store, long UpdateId, string Body, bool Poison)>();
        foreach (var (store, _, buyer) in stores)
        {
            var id = 5_000L;
            foreach (var poison in Poisons(buyer.UserId))
            {
                sent.Add((store, ++id, Message(id, buyer.UserId, "/help"), false));
                sent.Add((store, ++id, poison(id), true));
            }

            sent.Add((store, ++id, Message(id, buyer.UserId, "/terms"), false));
        }

        // All at once, so the stores' updates share the inbox writer's batches.
        var answers = await Task.WhenAll(sent.Select(s => IngressTests.PostAsync(http, s.Store.BotId, stores.Single(x => x.Store == s.Store).Secret, s.Body)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        foreach (var (store, _, buyer) in stores)
        {
            await WaitUntilProcessedAsync(store);
            var rows = await store.WithDbAsync(db => db.InboxUpdates.AsNoTracking().ToListAsync());
            foreach (var update in sent.Where(s => s.Store == store))
            {
                var row = Assert.Single(rows, r => r.UpdateId == update.UpdateId);
                Assert.Equal(Encoding.UTF8.GetBytes(update.Body), row.Payload); // lossless: the bytes Telegram sent
                Assert.NotNull(row.ProcessedAt);
                if (!update.Poison)
                {
                    Assert.True(row.Attempts == 0 && row.LastError is null, $"Normal update {update.UpdateId} failed: {row.LastError}");
                }
            }

            // What the Bot API types cannot read is set aside after one attempt, with the reader's error; the rest is handled.
            Assert.All(rows.Where(r => r.LastError is not null), r => Assert.True(r.Attempts == 1
                && r.LastError!.StartsWith("JsonException", StringComparison.Ordinal), r.LastError));
            Assert.Contains(rows, r => r.LastError is not null && Encoding.UTF8.GetString(r.Payload).Contains("\"one\"", StringComparison.Ordinal));
            output.WriteLine($"{store.Tenant.Name}: set " +
                $"aside {string.Join(", ", rows.Where(r => r.LastError is not null).Select(r => $"{r.UpdateId} ({r.LastError})"))}");

            // The chat went on past every poison update: the store's terms, sent last, arrived.
            await buyer.WaitForAsync(m => SandboxClient.Text(m) == $"{store.Tenant.Name} terms", TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task An_update_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var first = await TestStore.CreateAsync(app, "BatchA");
        var second = await TestStore.CreateAsync(app, "BatchB");
        var writer = app.Services.GetRequiredService<InboxWriter>();
        var gone = Guid.NewGuid(); // a bot removed after its route was cached: its row breaks the foreign key
        var writes = new List<(Task<bool> Write, bool Bad)>();
        for (var i = 0; i < 200; i++)
        {
            var bad = i % 33 == 7;
            var store = i % 2 == 0 ? first : second;
            var body = Encoding.UTF8.GetBytes(Message(10_000 + i, 4242, "/help", chatType: "group"));
            var envelope = UpdateEnvelope.TryParse(body)!;
            writes.Add((writer.WriteAsync(store.Tenant.Id, bad ? gone : store.BotId, envelope, body, CancellationToken.None), bad));
        }

        await Task.WhenAll(writes.Select(w => w.Write.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.All(writes.Where(w => w.Bad), w => Assert.True(w.Write.IsFaulted));
        Assert.All(writes.Where(w => !w.Bad), w => Assert.True(w.Write.IsCompletedSuccessfully && w.Write.Result));
        var stored = await first.WithDbAsync(db => db.InboxUpdates.CountAsync()) + await second.WithDbAsync(db => db.InboxUpdates.CountAsync());
        Assert.Equal(writes.Count(w => !w.Bad), stored);
        await WaitUntilProcessedAsync(first);
        await WaitUntilProcessedAsync(second);
    }

    private static async Task WaitUntilProcessedAsync(TestStore store)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await store.WithDbAsync(db => db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The updates were not processed.");
            await Task.Delay(100);
        }
    }

    /// <summary>Each builds one poison update of the buyer's chat from its update id.</summary>
    private static IEnumerable<Func<long, string>> Poisons(long chat) =>
    [
        id => Message(id, chat, "nul \\u0000 in the middle"),
        id => Message(id, chat, "a lone \\ud800 surrogate"),
        id => Message(id, chat, "a low \\udc00 one and a pair \\ud83d\\ude00"),
        id => Message(id, chat, "/help", firstName: "Nul\\u0000Name"),
        id => Message(id, chat, "/help", firstName: "Lone\\udfffName"),
        id => Message(id, chat, "/help " + new string('x', 1024 * 1024)),
        id => $$$"""{"update_id":{{{id}}},"business_connection_from_the_future":{"id":"x","user":{"id":{{{chat}}}},"deep":[[[[1]]]]}}""",
        id => $$$"""{"update_id":{{{id}}},"message_reaction":{"chat":{"id":{{{chat}}},"type":"private"},"message_id":1,"date":"""
            + $$$"""1700000000,"old_reaction":[],"new_reaction":[{"type":"emoji","emoji":"\ud83d\udc4d"}]}}""",
        id => Message(id, chat, "/help").Replace("\"message_id\":1", "\"message_id\":\"one\"", StringComparison.Ordinal),
    ];

    private static string Message(long id, long chat, string text, string firstName = "Pat", string chatType = "private") =>
        $$$"""{"update_id":{{{id}}},"message":{"message_id":1,"date":"""
        + $$$"""1700000000,"chat":{"id":{{{chat}}},"type":"{{{chatType}}}","first_name":"{{{firstName}}}"},"from":{"id":"""
        + $$$"""{{{chat}}},"is_bot":false,"first_name":"{{{firstName}}}"},"text":"{{{text}}}"}}""";
}
