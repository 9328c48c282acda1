using Platform.TelegramSandbox.Tests.Infrastructure;
using Platform.TelegramSandbox.Time;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Tests;

public sealed class ClockTests
{
    /// <summary>A hand-moved stand-in for real time.</summary>
    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Sandbox_clock_follows_its_inner_time_plus_what_was_advanced()
    {
        var inner = new ManualTime(TestSandbox.Epoch);
        var clock = new SandboxClock(inner);
        clock.AdvanceTo(TestSandbox.Epoch.AddHours(1));
        inner.Now = TestSandbox.Epoch.AddMinutes(5);
        Assert.Equal(TestSandbox.Epoch.AddHours(1).AddMinutes(5), clock.GetUtcNow());
        clock.AdvanceTo(TestSandbox.Epoch); // never backwards
        Assert.Equal(TestSandbox.Epoch.AddHours(1).AddMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public async Task With_a_running_clock_renewals_happen_without_anyone_advancing_it()
    {
        var inner = new ManualTime(TestSandbox.Epoch);
        await using var host = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = new SandboxClock(inner) });
        using var control = new HttpClient { BaseAddress = host.BaseUrl };
        var response = await control.PostAsync("sandbox/v1/bots", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var created = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var bot = new TestBot(created.GetProperty("id").GetInt64(), "x", created.GetProperty("token").GetString()!, host.BaseUrl.ToString().TrimEnd('/'));
        response = await control.PostAsync("sandbox/v1/users", new StringContent("""{"first_name":"Ann","stars":500}""", System.Text.Encoding.UTF8,
            "application/json"));
        var ann = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var link = await bot.Client.CreateInvoiceLink("Club", "Monthly", "club", "XTR", [new LabeledPrice("Month", 100)], subscriptionPeriod: 2_592_000);
        var pay = control.PostAsync($"sandbox/v1/users/{ann}/payments", new StringContent($$"""{"invoice_link":"{{link}}"}""", System.Text.Encoding.UTF8,
            "application/json"));
        await bot.Client.AnswerPreCheckoutQuery((await bot.ReceiveAsync()).Single().PreCheckoutQuery!.Id);
        (await pay).EnsureSuccessStatusCode();
        Assert.True((await bot.ReceiveAsync()).Single().Message!.SuccessfulPayment!.IsFirstRecurring);

        inner.Now = TestSandbox.Epoch.AddDays(30).AddSeconds(1); // "real" time passes; the sandbox ticks once a second

        var renewal = (await bot.ReceiveAsync(timeoutSeconds: 10)).Single().Message!.SuccessfulPayment!;
        Assert.True(renewal.IsRecurring);
        Assert.False(renewal.IsFirstRecurring);
    }
}
