using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Orders;
using Platform.Core.Outbound.Texts;
using Platform.Tests.Admin;
using Platform.Tests.Bots;
using Xunit.Abstractions;

namespace Platform.Tests.Replicas;

/// <summary>
/// Issue 17.5, "many replicas, one truth": two Platform.Web and two Platform.Worker OS processes on one PostgreSQL
/// (<see cref="ReplicasCluster"/>). One test, in a fixed order, because its last part restarts the workers with the
/// shared send gate off (the control) and the sweep count needs the cluster's whole life.
/// </summary>
[Collection(BotTests.Collection)]
public sealed partial class ReplicasTests(ReplicasCluster app, ITestOutputHelper output) : IClassFixture<ReplicasCluster>
{
    private const string Password = "correct horse battery staple";
    private static readonly BotTexts Texts = BotTexts.English;
    private static readonly byte[] Goods = Encoding.UTF8.GetBytes("%PDF-1.4 replicas goods");

    [Fact]
    public async Task Two_webs_and_two_workers_on_one_database_act_once_share_keys_links_the_send_rate_and_sweeps_and_see_a_suspension_within_1_s()
    {
        output.WriteLine($"4 processes ready in {app.StartedIn.TotalSeconds:F1} s: web pids {app.Webs[0].ProcessId}, {app.Webs[1].ProcessId}; "
            + $"worker pids {app.Workers[0].ProcessId}, {app.Workers[1].ProcessId}");
        var sweepsSince = await DatabaseUtcAsync();
        var store = await TestStore.CreateAsync(app, "Twins");
        var product = await store.AddFileProductAsync("Atlas", 10, Goods, "atlas.pdf");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ola", stars: 100);
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.Welcome("Twins"), TimeSpan.FromSeconds(60));

        // 1. The same successful_payment, four times to each web at once: one inbox row, one order, one link.
        await buyer.OpenInvoiceAsync(product);
        var order = await store.WithDbAsync(db => db.Orders.SingleAsync());
        const long updateId = 910_000_001;
        var payment = $$$"""
            {"update_id":{{{updateId}}},"message":{"message_id":910,"date":1700000000,
             "chat":{"id":{{{buyer.UserId}}},"type":"private","first_name":"Ola"},
             "from":{"id":{{{buyer.UserId}}},"is_bot":false,"first_name":"Ola","language_code":"en"},
             "successful_payment":{"currency":"XTR","total_amount":10,"invoice_payload":"{{{order.Id:N}}}",
              "telegram_payment_charge_id":"stxReplicasCharge","provider_payment_charge_id":""}
            }}
            """;
        var secret = await IngressTests.SecretAsync(store);
        using var ingress = new HttpClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.WebAddresses[i % 2], $"telegram/{store.BotId}"))
            {
                Content = new StringContent(payment, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            using var response = await ingress.SendAsync(request);
            return response.StatusCode;
        }));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled, TimeSpan.FromSeconds(60));
        var link = await buyer.WaitForAsync(SandboxMessages.HasDownloadButton);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second processing would have answered by now
        Assert.Equal(1, await store.WithDbAsync(db => db.InboxUpdates.CountAsync(u => u.BotId == store.BotId && u.UpdateId == updateId)));
        Assert.Equal("stxReplicasCharge", (await store.WithDbAsync(db => db.Orders.SingleAsync())).TelegramPaymentChargeId);
        Assert.Single(await buyer.MessagesAsync(), SandboxMessages.HasDownloadButton);

        // 2. The link a worker made (signed with the shared key) downloads from either web.
        var path = new Uri(SandboxMessages.DownloadUrl(link)!).AbsolutePath;
        using var browser = new ReplicasClient();
        foreach (var web in app.WebAddresses)
        {
            using var download = await browser.SendAsync(web, HttpMethod.Get, path.TrimStart('/'));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Goods, await download.Content.ReadAsByteArrayAsync());
        }

        // 3. An access token issued by one web is accepted by the other's /api, both ways (the same OpenIddict certificates).
        var (clientId, clientSecret) = await ApiClientAsync(store);
        for (var issuer = 0; issuer < 2; issuer++)
        {
            var token = await TokenAsync(browser, app.WebAddresses[issuer], clientId, clientSecret);
            using var call = await browser.SendAsync(app.WebAddresses[1 - issuer], HttpMethod.Get, "api/v1/store", bearer: token);
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        // 4. A portal cookie from web A works on web B (the Data Protection key ring is in the database).
        using (var owner = new ReplicasClient())
        {
            Assert.True(await owner.LoginAsync(app.WebAddresses[0], $"{store.Tenant.Slug}@example.test", Password), "the login on web A failed");
            using var page = await owner.SendAsync(app.WebAddresses[1], HttpMethod.Get, $"stores/{store.Tenant.Slug}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // 5. The per-bot rate holds across both workers: no 429 from the sandbox's flood control.
        var rushes = await ReplicasRush.PrepareAsync(app, "Rush");
        var rush = await rushes.RunAsync("shared");
        output.WriteLine($"shared gate: {rush.Messages} messages for one bot in {rush.Took.TotalSeconds:F2} s = {rush.PerSecond:F1}/s, "
            + $"{rush.FloodRefusals} 429s for the bot's limit ({rush.ChatFloodRefusals} for a chat's); "
            + $"jobs per worker: {string.Join(", ", rush.JobsPerServer.Values)}");
        Assert.Equal(2, rush.JobsPerServer.Count);
        Assert.Equal(0, rush.FloodRefusals);

        // 6. A suspension reaches all four processes within 1 s (each logs dropping the store from its cache).
        await SuspensionWithinASecondAsync(store, buyer, clientId, clientSecret, browser);

        // 7. Each minutely recurring job ran once per minute boundary while two job servers competed for it.
        await SweepsOncePerPeriodAsync(sweepsSince);

        // 8. The control: the same rush with each worker on its own gate draws 429s.
        await app.StartWorkersAsync(sharedGate: false);
        var control = await rushes.RunAsync("control");
        output.WriteLine($"per-process gates (control): {control.Messages} messages in {control.Took.TotalSeconds:F2} s = {control.PerSecond:F1}/s, "
            + $"{control.FloodRefusals} 429s for the bot's limit ({control.ChatFloodRefusals} for a chat's); "
            + $"jobs per worker: {string.Join(", ", control.JobsPerServer.Values)}");
        Assert.True(control.FloodRefusals > 0, "two per-process gates should have drawn 429s");
    }

    private async Task SuspensionWithinASecondAsync(TestStore store, SandboxBuyer buyer, string clientId, string clientSecret, ReplicasClient browser)
    {
        var token = await TokenAsync(browser, app.WebAddresses[0], clientId, clientSecret);
        var marker = $"Tenant {store.Tenant.Id} changed";
        var before = app.Clock.Elapsed;
        await SuspensionTestAdmin.SuspendAsync(app.Services, store.Tenant.Id);
        var committed = app.Clock.Elapsed;
        var seen = await Task.WhenAll(app.Webs.Concat(app.Workers).Select(async p =>
            (p.Name, Lag: await p.WaitForLineAsync(marker, before, TimeSpan.FromSeconds(10)) - committed)));
        output.WriteLine("suspension seen after the commit by " + string.Join(", ", seen.Select(s => $"{s.Name} {s.Lag.TotalMilliseconds:F0} ms")));
        Assert.All(seen, s => Assert.True(s.Lag < TimeSpan.FromSeconds(1), $"{s.Name} saw the suspension only after {s.Lag.TotalMilliseconds:F0} ms"));
        foreach (var web in app.WebAddresses)
        {
            using var refused = await browser.SendAsync(web, HttpMethod.Get, "api/v1/store", bearer: token);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.StoreUnavailable, TimeSpan.FromSeconds(30));
    }

    private async Task SweepsOncePerPeriodAsync(DateTime since)
    {
        string[] minutely = [Platform.Core.Inbox.InboxSweep.RecurringJobId, Platform.Core.Webhooks.WebhookDispatcher.RecurringJobId,
            Platform.Core.Administration.DailyStoreFiguresJob.RecurringJobId];
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            var now = await DatabaseUtcAsync();
            var lastBoundary = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            var boundaries = (int)((lastBoundary.Ticks - since.Ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute);
            var runs = await RecurringRunsAsync(since);
            if (boundaries >= 1 && now - lastBoundary > TimeSpan.FromSeconds(3) && minutely.All(id => runs.GetValueOrDefault(id) >= boundaries))
            {
                await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate from the other server would be in by now
                runs = await RecurringRunsAsync(since);
                output.WriteLine($"recurring runs over {boundaries} minute boundaries since {since:HH:mm:ss}: "
                    + string.Join(", ", minutely.Select(id => $"{id} {runs.GetValueOrDefault(id)}")));
                Assert.All(minutely, id => Assert.Equal(boundaries, runs.GetValueOrDefault(id)));
                return;
            }

            Assert.True(giveUp.Elapsed < TimeSpan.FromSeconds(90),
                $"the recurring jobs did not run: {JsonSerializer.Serialize(runs)} for {boundaries} boundaries");
            await Task.Delay(500);
        }
    }

    private async Task<Dictionary<string, int>> RecurringRunsAsync(DateTime since)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT p.value, count(*)::int FROM {DatabaseMigrator.HangfireSchema}.jobparameter p
            JOIN {DatabaseMigrator.HangfireSchema}.job j ON j.id = p.jobid
            WHERE p.name = 'RecurringJobId' AND j.createdat > $1 GROUP BY 1
            """, connection);
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(since, DateTimeKind.Unspecified), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        var runs = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs[JsonSerializer.Deserialize<string>(reader.GetString(0))!] = reader.GetInt32(1);
        }

        return runs;
    }

    private async Task<DateTime> DatabaseUtcAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (now() AT TIME ZONE 'UTC')", connection);
        return DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync())!, DateTimeKind.Utc);
    }

    private static async Task<(string ClientId, string Secret)> ApiClientAsync(TestStore store) => await store.WithScopeAsync(async sp =>
    {
        var owner = await sp.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync($"{store.Tenant.Slug}@example.test");
        var created = await sp.GetRequiredService<ApiClientService>().CreateAsync("Replicas", owner!.Id, CancellationToken.None);
        return (created.Value!.Client.ClientId, created.Value.ClientSecret);
    });

    private static async Task<string> TokenAsync(ReplicasClient browser, Uri web, string clientId, string secret)
    {
        using var response = await browser.SendAsync(web, HttpMethod.Post, "connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "api",
        }));
        Assert.True(response.IsSuccessStatusCode, $"{web}connect/token answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
