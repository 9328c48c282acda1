using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Tenancy;
using Platform.Tests.Bots;

namespace Platform.Tests.Api;

/// <summary><c>/api/v1/bots</c> with real client-credentials tokens against the Telegram sandbox.</summary>
[Collection(BotTests.Collection)]
public sealed class BotsApiTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task A_bot_is_registered_listed_shown_resynced_and_deleted_and_its_webhook_goes_with_it()
    {
        var (_, http) = await StoreAsync("Register");
        var telegramBot = await app.Telegram.CreateBotAsync();

        using var created = await http.PostAsJsonAsync("api/v1/bots", new { token = telegramBot.Token });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bot = await JsonAsync(created);
        var id = bot.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/bots/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(telegramBot.Id, bot.GetProperty("telegramBotId").GetInt64());
        Assert.Equal("active", bot.GetProperty("status").GetString());
        Assert.DoesNotContain(telegramBot.Token, bot.GetRawText(), StringComparison.Ordinal); // the token never leaves

        var list = await http.GetFromJsonAsync<JsonElement>("api/v1/bots");
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());

        var status = await http.GetFromJsonAsync<JsonElement>($"api/v1/bots/{id}");
        Assert.EndsWith($"/telegram/{id}", status.GetProperty("webhookUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, status.GetProperty("pendingUpdateCount").GetInt32());
        var firstSync = status.GetProperty("lastSyncedAt").GetDateTimeOffset();

        using var resynced = await http.PostAsync($"api/v1/bots/{id}/resync", null);
        Assert.Equal(HttpStatusCode.OK, resynced.StatusCode);
        var afterResync = await JsonAsync(resynced);
        Assert.Equal("active", afterResync.GetProperty("status").GetString());
        Assert.True(afterResync.GetProperty("lastSyncedAt").GetDateTimeOffset() >= firstSync);
        Assert.EndsWith($"/telegram/{id}", afterResync.GetProperty("webhookUrl").GetString(), StringComparison.Ordinal);

        using var deleted = await http.DeleteAsync($"api/v1/bots/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(HasWebhook(await app.Telegram.BotAsync(telegramBot.Id)));
        await AssertProblemAsync(await http.GetAsync($"api/v1/bots/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await http.DeleteAsync($"api/v1/bots/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("api/v1/bots")).EnumerateArray());
    }

    [Fact]
    public async Task A_token_already_connected_to_another_store_is_refused_with_a_409_problem()
    {
        var (_, first) = await StoreAsync("FirstOwner");
        var (_, second) = await StoreAsync("SecondOwner");
        var telegramBot = await app.Telegram.CreateBotAsync();
        using var registered = await first.PostAsJsonAsync("api/v1/bots", new { token = telegramBot.Token });
        var id = (await JsonAsync(registered)).GetProperty("id").GetGuid();

        var problem = await AssertProblemAsync(await second.PostAsJsonAsync("api/v1/bots", new { token = telegramBot.Token }), HttpStatusCode.Conflict);

        Assert.Contains("already connected to another store", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await second.GetFromJsonAsync<JsonElement>("api/v1/bots")).EnumerateArray());
        var status = await first.GetFromJsonAsync<JsonElement>($"api/v1/bots/{id}");
        Assert.EndsWith($"/telegram/{id}", status.GetProperty("webhookUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_tokens_and_bodies_are_400_problems_not_server_errors()
    {
        var (_, http) = await StoreAsync("Invalid");

        var malformed = await AssertProblemAsync(await http.PostAsJsonAsync("api/v1/bots", new { token = "12345:short" }), HttpStatusCode.BadRequest);
        Assert.Contains("does not look like a bot token", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var unknown = await AssertProblemAsync(
            await http.PostAsJsonAsync("api/v1/bots", new { token = "987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }), HttpStatusCode.BadRequest);
        Assert.Contains("Telegram rejected this token", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(await http.PostAsJsonAsync("api/v1/bots", new { token = "  " }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsJsonAsync("api/v1/bots", new { }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync("api/v1/bots", new StringContent("{not json", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync("api/v1/bots", new StringContent("[1, 2]", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync("api/v1/bots", new StringContent("", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("api/v1/bots")).EnumerateArray());
    }

    [Fact]
    public async Task Another_stores_token_cannot_see_resync_or_delete_a_bot()
    {
        var (_, owner) = await StoreAsync("Owner");
        var (_, other) = await StoreAsync("Other");
        var telegramBot = await app.Telegram.CreateBotAsync();
        using var registered = await owner.PostAsJsonAsync("api/v1/bots", new { token = telegramBot.Token });
        var id = (await JsonAsync(registered)).GetProperty("id").GetGuid();

        await AssertProblemAsync(await other.GetAsync($"api/v1/bots/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await other.PostAsync($"api/v1/bots/{id}/resync", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await other.DeleteAsync($"api/v1/bots/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("api/v1/bots")).EnumerateArray());

        Assert.True(HasWebhook(await app.Telegram.BotAsync(telegramBot.Id)));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"api/v1/bots/{id}")).StatusCode);
    }

    private async Task<(TenantInfo Tenant, HttpClient Http)> StoreAsync(string name)
    {
        var slug = name.ToLowerInvariant() + Guid.NewGuid().ToString("N")[..6];
        var signup = await app.SignUpStoreAsync(name, $"{slug}@example.test", "correct horse battery staple", slug);
        return (signup.Tenant!, await ApiTokens.ClientForAsync(app, signup.Tenant!, signup.OwnerUserId));
    }

    private static bool HasWebhook(JsonElement sandboxBot) =>
        sandboxBot.TryGetProperty("webhook", out var hook) && hook.ValueKind == JsonValueKind.Object;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_body_the_api_cannot_read_answers_a_problem_that_says_what_to_fix_and_changes_nothing()
    {
        var (_, http) = await StoreAsync("Unreadable");
        // Not JSON, and JSON whose string escapes a lone surrogate (System.Text.Json refuses it while binding).
        foreach (var body in new[] { "{not json", "{\"name\":\"\\ud800x\"}" })
        {
            var problem = await AssertProblemAsync(
                await http.PostAsync("api/v1/categories", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
            Assert.Equal("The request could not be read", problem.GetProperty("title").GetString());
            Assert.Contains("/api/docs", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.False(problem.TryGetProperty("exception", out _));
        }

        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("api/v1/categories")).EnumerateArray());
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement.Clone();
            Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
            return problem;
        }
    }
}
