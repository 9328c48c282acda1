using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Outbound;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.Tests.Replicas;

/// <summary>
/// The bot-wide gate in PostgreSQL on its own: two gates with data sources of their own (as two processes) share one
/// bot's pace, a 429 holds the shared row back, and an unreachable database hands over to the local gate quickly.
/// </summary>
public sealed class SharedSendGateShould(ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.0 / 30);

    [Fact]
    public async Task Pace_one_bot_across_two_processes_as_one_gate_with_a_burst_of_thirty()
    {
        var database = await TestPostgres.Instance.CreateDatabaseAsync("sharedgate");
        using var first = Source(database.AppConnectionString);
        using var second = Source(database.AppConnectionString);
        var gates = new[] { Gate(first), Gate(second) };
        var bot = Guid.NewGuid();
        var took = new List<double>();
        var waits = new List<TimeSpan>();
        var loop = Stopwatch.StartNew();
        for (var i = 0; i < 90; i++)
        {
            var clock = Stopwatch.StartNew();
            waits.Add((await gates[i % 2].ReserveAsync(bot, 0, Interval, 30, TimeSpan.Zero, CancellationToken.None))!.Value);
            took.Add(clock.Elapsed.TotalMilliseconds);
        }

        // 30 at once, then one per 33 ms whichever process asks: the 90th waits two seconds less the time the loop took.
        var spent = loop.Elapsed.TotalSeconds;
        Assert.All(waits.Take(30), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.InRange(waits[^1].TotalSeconds, (60 * Interval.TotalSeconds) - spent - 0.05, (60 * Interval.TotalSeconds) + 0.05);
        took.Sort();
        output.WriteLine($"reservation round trip: p50 {took[took.Count / 2]:F2} ms, p99 {took[(int)(took.Count * 0.99)]:F2} ms over {took.Count}");

        // A 429 (retry_after 2 s) holds the row back for every process.
        var other = Guid.NewGuid();
        Assert.True(await gates[0].BlockAsync(other, 0, TimeSpan.FromSeconds(2), Interval, 30, CancellationToken.None));
        var afterBlock = (await gates[1].ReserveAsync(other, 0, Interval, 30, TimeSpan.Zero, CancellationToken.None))!.Value;
        Assert.InRange(afterBlock.TotalSeconds, 1.5, 2.05);
    }

    [Fact]
    public async Task Hand_over_to_the_local_gate_within_its_timeout_when_the_database_does_not_answer()
    {
        using var nowhere = Source($"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=nobody;Password=x;Database=none");
        var gate = Gate(nowhere);
        var clock = Stopwatch.StartNew();
        Assert.Null(await gate.ReserveAsync(Guid.NewGuid(), 0, Interval, 30, TimeSpan.Zero, CancellationToken.None));
        Assert.True(clock.Elapsed < SharedSendGate.Timeout + TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");

        // Paused: the next reservations do not even try the database.
        clock.Restart();
        Assert.Null(await gate.ReserveAsync(Guid.NewGuid(), 0, Interval, 30, TimeSpan.Zero, CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(50), $"took {clock.Elapsed.TotalMilliseconds:F0} ms while paused");
    }

    private static BotDataSource Source(string connectionString) =>
        new(Options.Create(new PlatformDatabaseOptions { Platform = connectionString }));

    private static SharedSendGate Gate(BotDataSource source) => new(source, TimeProvider.System, NullLogger<SharedSendGate>.Instance);
}
