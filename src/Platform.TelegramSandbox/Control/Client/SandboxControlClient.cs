using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.TelegramSandbox.Control.Client;

/// <summary>
/// A typed client for the control API (/sandbox/v1), for the platform's tests and local tooling:
/// <c>new SandboxControlClient(new HttpClient { BaseAddress = sandbox.BaseUrl })</c>.
/// </summary>
public sealed class SandboxControlClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<SandboxBot> CreateBotAsync(string? username = null, string? firstName = null, CancellationToken ct = default) =>
        PostAsync<SandboxBot>("sandbox/v1/bots", new { username, firstName }, ct);

    public async Task<long> CreateUserAsync(string firstName, long stars = 0, string? username = null, string? languageCode = null,
        CancellationToken ct = default) =>
        (await PostAsync<JsonElement>("sandbox/v1/users", new { firstName, stars, username, languageCode }, ct)).GetProperty("id").GetInt64();

    public Task TopUpAsync(long userId, long amount, CancellationToken ct = default) =>
        PostAsync<JsonElement>($"sandbox/v1/users/{userId}/stars", new { amount }, ct);

    public async Task<long> GetStarsAsync(long userId, CancellationToken ct = default) =>
        (await GetAsync($"sandbox/v1/users/{userId}", ct)).GetProperty("stars").GetInt64();

    /// <summary>The buyer writes to the bot; "/start payload" and other commands arrive as bot commands.</summary>
    public async Task<int> SendTextAsync(long userId, long botId, string text, CancellationToken ct = default) =>
        (await PostAsync<JsonElement>($"sandbox/v1/users/{userId}/bots/{botId}/messages", new { text }, ct)).GetProperty("message_id").GetInt32();

    public async Task<string> PressButtonAsync(long userId, long botId, int messageId, string callbackData, CancellationToken ct = default) =>
        (await PostAsync<JsonElement>($"sandbox/v1/users/{userId}/bots/{botId}/callbacks", new { messageId, callbackData }, ct))
            .GetProperty("callback_query_id").GetString()!;

    /// <summary>Pays an invoice message; completes when the bot answers the pre-checkout query or it times out.</summary>
    public Task<SandboxPayment> PayInvoiceAsync(long userId, long botId, int messageId, CancellationToken ct = default) =>
        PostAsync<SandboxPayment>($"sandbox/v1/users/{userId}/payments", new { botId, messageId }, ct);

    public Task<SandboxPayment> PayInvoiceLinkAsync(long userId, string invoiceLink, CancellationToken ct = default) =>
        PostAsync<SandboxPayment>($"sandbox/v1/users/{userId}/payments", new { invoiceLink }, ct);

    /// <summary>Everything in the buyer's chat with the bot (see docs/sandbox.md for the shape).</summary>
    public Task<JsonElement> GetChatAsync(long userId, long botId, CancellationToken ct = default) =>
        GetAsync($"sandbox/v1/users/{userId}/bots/{botId}/chat", ct);

    public async Task<long> CreateChannelAsync(string title, long adminBotId, string? username = null, CancellationToken ct = default) =>
        (await PostAsync<JsonElement>("sandbox/v1/channels", new { title, username, botId = adminBotId }, ct)).GetProperty("id").GetInt64();

    /// <summary>Returns the outcome word: joined, request_sent, expired, revoked, limit_reached, banned, insufficient_stars...</summary>
    public async Task<string> JoinAsync(long userId, string inviteLink, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync($"sandbox/v1/users/{userId}/joins", new { inviteLink }, Json, ct);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("outcome").GetString()!;
    }

    public async Task<DateTimeOffset> AdvanceClockAsync(TimeSpan by, CancellationToken ct = default) =>
        DateTimeOffset.FromUnixTimeSeconds((await PostAsync<JsonElement>("sandbox/v1/clock/advance", new { seconds = (long)by.TotalSeconds }, ct))
            .GetProperty("now").GetInt64());

    /// <summary>Records a Fragment withdrawal: state is pending, succeeded or failed. Returns its transaction id.</summary>
    public async Task<string> RecordWithdrawalAsync(long botId, int amount, string state = "succeeded", string? url = null, CancellationToken ct = default) =>
        (await PostAsync<JsonElement>($"sandbox/v1/bots/{botId}/withdrawals", new { amount, state, url }, ct)).GetProperty("transaction_id").GetString()!;

    /// <summary>Ends a pending withdrawal as Telegram does, in place: succeeded, or failed (the Stars go back to the bot).</summary>
    public Task SetWithdrawalStateAsync(long botId, string transactionId, string state, string? url = null, CancellationToken ct = default) =>
        PostAsync<JsonElement>($"sandbox/v1/bots/{botId}/withdrawals/{Uri.EscapeDataString(transactionId)}/state", new { state, url }, ct);

    /// <summary>
    /// Adds a transaction the platform did not start: partner is invoice_payment (with <paramref name="id"/>: a payment the
    /// platform never heard of), paid_media_payment, business_account_transfer, affiliate_program (incoming), or
    /// gift_purchase, telegram_ads, telegram_api (outgoing). Returns its transaction id.
    /// </summary>
    public async Task<string> AddStarTransactionAsync(long botId, string partner, long amount, int? nanostarAmount = null, string? id = null,
        long? userId = null, CancellationToken ct = default) =>
        (await PostAsync<JsonElement>($"sandbox/v1/bots/{botId}/star-transactions", new { partner, amount, nanostarAmount, id, userId }, ct))
            .GetProperty("transaction_id").GetString()!;

    public Task ResetAsync(CancellationToken ct = default) => PostAsync<JsonElement>("sandbox/v1/reset", new { }, ct);

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json, ct);
        await EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private async Task<JsonElement> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Sandbox control API: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}", null,
                response.StatusCode);
    }
}
