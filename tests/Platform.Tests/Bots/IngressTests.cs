using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;

namespace Platform.Tests.Bots;

/// <summary>POST /telegram/{botId}: the secret, the size limit, JSON shape, and duplicates.</summary>
[Collection(BotTests.Collection)]
public sealed class IngressTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Wrong_or_missing_secret_is_refused_with_403_and_nothing_is_stored()
    {
        var store = await TestStore.CreateAsync(app, "Gate");
        using var http = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, store.BotId, "wrong-secret-wrong-secret-wrong-secret-123", Update(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, store.BotId, null, Update(2))).StatusCode);
        Assert.Equal(0, await store.WithDbAsync(db => db.InboxUpdates.CountAsync()));
    }

    [Fact]
    public async Task Unknown_bot_is_404()
    {
        using var http = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, Guid.NewGuid(), "x", Update(1))).StatusCode);
    }

    [Fact]
    public async Task A_path_that_is_not_a_bot_id_is_404_and_other_methods_are_405()
    {
        var store = await TestStore.CreateAsync(app, "Paths");
        using var http = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("telegram/not-a-bot", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"telegram/{store.BotId}/more", new StringContent("{}"))).StatusCode);
        var get = await http.GetAsync($"telegram/{store.BotId}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Oversized_and_malformed_bodies_are_400_and_nothing_is_stored()
    {
        var store = await TestStore.CreateAsync(app, "Shape");
        var secret = await SecretAsync(store);
        using var http = app.CreateHttpClient();
        var huge = "{\"update_id\":5,\"message\":{\"text\":\"" + new string('a', 4_200_000) + "\"}}";
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, store.BotId, secret, huge)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, store.BotId, secret, "{not json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, store.BotId, secret, "{\"message\":{}}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, store.BotId, secret, "[1,2]")).StatusCode);
        Assert.Equal(0, await store.WithDbAsync(db => db.InboxUpdates.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_update_answers_200_and_changes_nothing()
    {
        var store = await TestStore.CreateAsync(app, "Dupes");
        var secret = await SecretAsync(store);
        using var http = app.CreateHttpClient();
        var body = Update(777);
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(http, store.BotId, secret, body)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, store.BotId, secret, body)).StatusCode);
        Assert.Equal(1, await store.WithDbAsync(db => db.InboxUpdates.CountAsync(u => u.UpdateId == 777)));
    }

    [Fact]
    public async Task An_update_after_the_database_dropped_the_idle_connections_is_still_stored_and_answered_200()
    {
        var store = await TestStore.CreateAsync(app, "Dropped");
        var secret = await SecretAsync(store);
        using var http = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, store.BotId, secret, Update(31))).StatusCode);

        // What a server restart or a proxy's idle timeout does to the connection the inbox writer keeps open.
        await using (var admin = new Npgsql.NpgsqlConnection(await Infrastructure.TestPostgres.Instance.SuperuserConnectionStringAsync()))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND usename = $2",
                admin)
            {
                Parameters = { new() { Value = app.Database.Name }, new() { Value = Platform.LocalPostgres.StarfrontRoles.App } },
            };
            Assert.True((long)(await kill.ExecuteScalarAsync())! > 0);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, store.BotId, secret, Update(32))).StatusCode);
        Assert.Equal(2, await store.WithDbAsync(db => db.InboxUpdates.CountAsync(u => u.UpdateId == 31 || u.UpdateId == 32)));
    }

    [Fact]
    public async Task An_update_the_bot_cannot_read_is_set_aside_with_its_error_and_the_chat_goes_on()
    {
        var store = await TestStore.CreateAsync(app, "Unreadable");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Una");
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) is not null);
        var secret = await SecretAsync(store);
        using var http = app.CreateHttpClient();
        // Stored (a JSON object with an update_id and a chat), but not a Bot API update: message_id is not a number.
        var unreadable = Update(900, buyer.UserId).Replace("\"message_id\":1", "\"message_id\":\"one\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, store.BotId, secret, unreadable)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, store.BotId, secret, Update(901, buyer.UserId))).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await store.WithDbAsync(db => db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The updates were not processed.");
            await Task.Delay(50);
        }

        var setAside = await store.WithDbAsync(db => db.InboxUpdates.SingleAsync(u => u.UpdateId == 900));
        Assert.Equal(1, setAside.Attempts);
        Assert.StartsWith("JsonException", setAside.LastError, StringComparison.Ordinal);
        var next = await store.WithDbAsync(db => db.InboxUpdates.SingleAsync(u => u.UpdateId == 901));
        Assert.Equal(0, next.Attempts);
        Assert.Null(next.LastError);
    }

    internal static async Task<string> SecretAsync(TestStore store) =>
        await store.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>();
            var bot = await db.Bots.SingleAsync(b => b.Id == store.BotId);
            return sp.GetRequiredService<BotSecrets>().Unprotect(bot.WebhookSecretCiphertext);
        });

    internal static Task<HttpResponseMessage> PostAsync(HttpClient http, Guid botId, string? secret, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"telegram/{botId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return http.SendAsync(request);
    }

    private static string Update(long id, long chat = 4242) =>
        $$$"""{"update_id":{{{id}}},"message":{"message_id":1,"date":"""
        + $$$"""1700000000,"chat":{"id":{{{chat}}},"type":"private","first_name":"Zed"},"from":{"id":"""
        + $$$"""{{{chat}}},"is_bot":false,"first_name":"Zed"},"text":"/help"}}""";
}
