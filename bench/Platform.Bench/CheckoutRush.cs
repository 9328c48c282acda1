extern alias Sandbox;

using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Platform.Bench;

/// <summary>
/// Point 8(c): buyers holding invoices all pay at once (and then, a second set, spread over ten seconds); latency = the
/// document's <c>Delivery.SentAt</c> (Telegram confirmed it) minus the moment the buyer's pay call returned. Also splits that time into the pipeline's stages
/// from the rows each stage writes, so a miss says where the time went.
/// </summary>
internal static class CheckoutRush
{
    public static async Task<string> RunAsync(Shop shop, HttpClient control, string telegramBase, string superuserConnection, int buyerCount, int botCount,
        CpuMeter cpu)
    {
        // A server that has just started spends most of a 2-core machine on tiered JIT compilation; production
        // servers are long-running. Unmeasured rounds of the same rush first (BENCH_WARMUP_ROUNDS, default 4, of
        // BENCH_WARMUP_BUYERS, default the rush's size), so (c) measures the steady state. The size matters: a smaller
        // warm-up leaves the sandbox opening new connections to the web during the rush, and Kestrel's accept path
        // (called once per connection) then reaches its JIT tier-up thresholds inside the measured window.
        var warmupRounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP_ROUNDS"), out var n) ? n : 4;
        var warmupBuyers = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP_BUYERS"), out var b) ? b : buyerCount;
        for (var round = 0; round < warmupRounds; round++)
        {
            // The meter too: its first reading would otherwise JIT-compile inside the measured window.
            await RushAsync(shop, control, telegramBase, superuserConnection, warmupBuyers, botCount, cpu, 0);
        }

        Console.Error.WriteLine("(c) all buyers pay now");
        var report = new StringBuilder(
            $"## (c) {buyerCount} concurrent buyers over {botCount} bots (file product, 64 KB; after {warmupRounds} warm-up rounds of {warmupBuyers} " +
            $"and {SettleSeconds} s of quiet)\n\n");
        report.AppendLine("### All pay within the same instant (the burst)\n").Append(await MeasureAsync(shop, control, telegramBase, superuserConnection,
            buyerCount, botCount, cpu, 0));
        report.AppendLine(CultureInfo.CurrentCulture,
            $"\n### Each pays once at a random moment within {SpreadSeconds} s ({buyerCount / SpreadSeconds} purchases/s on average)\n")
            .Append(await MeasureAsync(shop, control, telegramBase, superuserConnection, buyerCount, botCount, cpu, SpreadSeconds));
        return report.ToString();
    }

    private const int SpreadSeconds = 10;

    private static readonly double SettleSeconds = double.TryParse(Environment.GetEnvironmentVariable("BENCH_SETTLE_SECONDS"), out var settle) ? settle : 3;

    private static async Task<string> MeasureAsync(
        Shop shop, HttpClient control, string telegramBase, string superuserConnection, int buyerCount, int botCount, CpuMeter cpu, int spreadSeconds)
    {
        Console.Error.WriteLine($"(c) measuring, arrivals spread over {spreadSeconds} s");
        var (paidAt, sent, cost) = await RushAsync(shop, control, telegramBase, superuserConnection, buyerCount, botCount, cpu, spreadSeconds);
        var latencies = paidAt.Where(p => sent.ContainsKey(p.Key)).Select(p => (sent[p.Key] - p.Value.Paid).TotalMilliseconds).ToList();
        var total = paidAt.Where(p => sent.ContainsKey(p.Key)).Select(p => (sent[p.Key] - p.Value.Pressed).TotalMilliseconds).ToList();
        return new StringBuilder()
            .AppendLine(CultureInfo.CurrentCulture, $"- payment completed → document in chat: {Figures.Describe(latencies)}")
            .AppendLine(CultureInfo.CurrentCulture, $"- pay pressed → document in chat: {Figures.Describe(total)}")
            .AppendLine(CultureInfo.CurrentCulture, $"- {cost} (first pay call → last document sent)")
            .Append(await StagesAsync(superuserConnection, paidAt))
            .Append(spreadSeconds == 0 ? await StatementStats.ReportAsync(superuserConnection, buyerCount) : "")
            .ToString();
    }

    private static async Task<(Dictionary<Guid, (DateTimeOffset Pressed, DateTimeOffset Paid)> PaidAt, Dictionary<Guid, DateTimeOffset> Sent,
        string Cost)> RushAsync(
        Shop shop, HttpClient control, string telegramBase, string superuserConnection, int buyerCount, int botCount, CpuMeter? cpu, int spreadSeconds)
    {
        var buyers = new List<((Guid Id, long TelegramId, string Token) Bot, long User, int Message, Guid Order)>();
        for (var i = 0; i < buyerCount; i++)
        {
            var bot = shop.Bots[1 + i % botCount];
            var (user, message, order) = await shop.PrepareInvoiceAsync(bot, shop.FileProduct, telegramBase);
            buyers.Add((bot, user, message, order));
        }

        // A moment of quiet before paying, as a server has between rushes: the runtime's background JIT finishes the
        // tier-up the warm-up and the invoices above triggered, instead of compiling on the cores the rush needs.
        await Task.Delay(TimeSpan.FromSeconds(SettleSeconds));

        // No chat polling (it would load the sandbox more than the platform).
        var paidAt = new Dictionary<Guid, (DateTimeOffset Pressed, DateTimeOffset Paid)>();
        if (cpu is not null && spreadSeconds == 0) await StatementStats.ResetAsync(superuserConnection);
        var cpuBefore = cpu?.Read();
        Console.Error.WriteLine($"(c) paying ({buyerCount} buyers)"); // after the meter's reading: profilers can start on this line
        var window = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(42);
        var delays = buyers.Select(_ => TimeSpan.FromSeconds(random.NextDouble() * spreadSeconds)).ToList();
        await Task.WhenAll(buyers.Select(async (b, i) =>
        {
            await Task.Delay(delays[i]);
            var pressed = DateTimeOffset.UtcNow;
            await control.PostAsJsonAsync($"sandbox/v1/users/{b.User}/payments", new { bot_id = b.Bot.TelegramId, message_id = b.Message });
            lock (paidAt) paidAt[b.Order] = (pressed, DateTimeOffset.UtcNow);
        }));
        // The harness shares the two cores with what it measures: it waits with one cheap count on one open connection
        // and reads the stamps once at the end (the latency comes from the stamps, so polling less often biases nothing).
        await using (var poll = new NpgsqlConnection(superuserConnection))
        {
            await poll.OpenAsync();
            await using var count =
                new NpgsqlCommand("""SELECT count(*) FROM "Deliveries" WHERE "Kind" = 'Document' AND "SentAt" IS NOT NULL AND "OrderId" = ANY($1)""", poll);
            count.Parameters.Add(new NpgsqlParameter { Value = buyers.Select(b => b.Order).ToArray() });
            for (var wait = 0; wait < 1200 && (long)(await count.ExecuteScalarAsync())! < buyers.Count; wait++)
            {
                await Task.Delay(50);
            }
        }

        var cost = cpu is null || cpuBefore is not { } before ? "" : CpuMeter.Describe(before, cpu.Read(), buyerCount, "purchase")
            + $" over {window.Elapsed.TotalSeconds:F1} s";
        var sent = await shop.DocumentsSentAsync();

        return (paidAt, sent, cost);
    }

    /// <summary>
    /// pay pressed → pre-checkout stored → pay returned → payment update stored → payment recorded → document claimed
    /// → document sent, from the rows each stage writes.
    /// </summary>
    private static async Task<string> StagesAsync(string connectionString, Dictionary<Guid, (DateTimeOffset Pressed, DateTimeOffset Paid)> paid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT o."Id", q."ReceivedAt", i."ReceivedAt", o."PaidAt", d."CreatedAt", d."SentAt", o."BotId"
            FROM "Orders" o
            JOIN "InboxUpdates" q ON convert_from(q."Payload", 'UTF8')::jsonb->'pre_checkout_query'->>'invoice_payload' = replace(o."Id"::text, '-', '')
            JOIN "InboxUpdates" i ON convert_from(i."Payload", 'UTF8')::jsonb->'message'->'successful_payment'->>'invoice_payload' = replace(o."Id"::text, '-', '')
            JOIN "Deliveries" d ON d."OrderId" = o."Id" AND d."Kind" = 'Document'
            WHERE d."SentAt" IS NOT NULL
            """, connection);
        var names = new[]
        {
            "pay pressed → pre-checkout stored", "pre-checkout stored → pay returned (answer, Stars moved)", "pay returned → payment update stored",
            "stored → payment recorded", "recorded → document claimed", "claimed → document sent",
        };
        var stages = names.ToDictionary(s => s, _ => new List<double>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!paid.TryGetValue(reader.GetGuid(0), out var times)) continue;
            // BENCH_DUMP=<file>: every purchase's timestamps (bot, pressed, pre-checkout stored, paid, stored, recorded, claimed, sent).
            if (Environment.GetEnvironmentVariable("BENCH_DUMP") is { } dump)
            {
                File.AppendAllText(dump,
                    $"{reader.GetGuid(6)} {times.Pressed:HH:mm:ss.fff} {reader.GetFieldValue<DateTimeOffset>(1):HH:mm:ss.fff} {times.Paid:HH:mm:ss.fff} "
                    + $"{reader.GetFieldValue<DateTimeOffset>(2):HH:mm:ss.fff} {reader.GetFieldValue<DateTimeOffset>(3):HH:mm:ss.fff} "
                    + $"{reader.GetFieldValue<DateTimeOffset>(4):HH:mm:ss.fff} {reader.GetFieldValue<DateTimeOffset>(5):HH:mm:ss.fff}\n");
            }
            var points = new[]
            {
                times.Pressed, reader.GetFieldValue<DateTimeOffset>(1), times.Paid, reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
            };
            for (var i = 0; i < names.Length; i++) stages[names[i]].Add((points[i + 1] - points[i]).TotalMilliseconds);
        }

        var text = new StringBuilder("- stages (from the rows each stage writes):\n");
        foreach (var (name, samples) in stages) text.AppendLine(CultureInfo.CurrentCulture, $"  - {name}: {Figures.Describe(samples)}");
        await reader.DisposeAsync();
        // An update that failed and ran again explains a slow purchase without any CPU to show for it.
        await using var retried = new NpgsqlCommand("""SELECT count(*), max("LastError") FROM "InboxUpdates" WHERE "Attempts" > 0""", connection);
        await using var failures = await retried.ExecuteReaderAsync();
        await failures.ReadAsync();
        text.AppendLine(CultureInfo.CurrentCulture,
            $"- inbox updates that failed at least once so far: {failures.GetInt64(0)}{(failures.IsDBNull(1) ? "" : $" (e.g. {failures.GetString(1)})")}");
        return text.ToString();
    }
}
