using System.Text.Json;

namespace Platform.Tests.Bots;

/// <summary>A sandbox user shopping in one store's bot through the control API, the way a person would tap through it.</summary>
public sealed class SandboxBuyer(SandboxClient telegram, long userId, long botId)
{
    public long UserId { get; } = userId;

    public static async Task<SandboxBuyer> CreateAsync(SandboxClient telegram, long botId, string name, long stars = 1000, string language = "en") =>
        new(telegram, await telegram.CreateUserAsync(name, stars, language), botId);

    public Task SendAsync(string text) => telegram.SendTextAsync(UserId, botId, text);

    public Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null) => telegram.WaitForAsync(UserId, botId, match, timeout);

    /// <summary>Waits until the bot has edited message <paramref name="messageId"/> into one that matches.</summary>
    public Task<JsonElement> WaitForEditAsync(int messageId, Func<JsonElement, bool> match) =>
        WaitForAsync(m => m.GetProperty("message_id").GetInt32() == messageId && m.GetProperty("edited").GetBoolean() && match(m));

    /// <summary>Waits until <paramref name="count"/> bot messages match (for a reply that repeats an earlier one).</summary>
    public async Task WaitForCountAsync(Func<JsonElement, bool> match, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await MessagesAsync()).Count(m => m.GetProperty("from_bot").GetBoolean() && match(m)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} matching bot messages arrived.");
            await Task.Delay(50);
        }
    }

    public Task<List<JsonElement>> MessagesAsync() => telegram.MessagesAsync(UserId, botId);

    public Task PressAsync(JsonElement message, string callbackData) =>
        telegram.PressAsync(UserId, botId, message.GetProperty("message_id").GetInt32(), callbackData);

    /// <summary>Opens the product by deep link, presses Buy and waits for the invoice.</summary>
    public async Task<JsonElement> OpenInvoiceAsync(Guid productId)
    {
        var before = (await MessagesAsync()).Count(m => SandboxClient.Has(m, "invoice"));
        await SendAsync($"/start p_{productId}");
        var card = await WaitForAsync(m => SandboxClient.HasButton(m, $"b:{productId:N}"));
        await PressAsync(card, $"b:{productId:N}");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var invoices = (await MessagesAsync()).Where(m => SandboxClient.Has(m, "invoice")).ToList();
            if (invoices.Count > before)
            {
                return invoices[^1];
            }

            Assert.True(DateTime.UtcNow < deadline, "No invoice arrived.");
            await Task.Delay(50);
        }
    }

    public Task<JsonElement> PayAsync(JsonElement invoice) => telegram.PayAsync(UserId, botId, invoice.GetProperty("message_id").GetInt32());

    public Task<long> StarsAsync() => telegram.StarsAsync(UserId);
}
