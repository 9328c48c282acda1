using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.TelegramSandbox.Tests.Conformance;
using Platform.TelegramSandbox.Tests.Infrastructure;

namespace Platform.TelegramSandbox.Tests;

/// <summary>Details a real Telegram client notices (issue 12): the exact words, codes and fields Telegram itself sends.</summary>
public sealed class TelegramDetailsTests
{
    [Fact]
    public async Task sendMessage_without_text_says_message_text_is_empty_as_Telegram_does()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();

        var (status, body) = await BotApiTests.RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/sendMessage?chat_id={ann}");

        Assert.Equal(400, status);
        Assert.Equal("""{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}""", body);
    }

    [Theory]
    [InlineData("/botnot-a-token/getMe")]
    [InlineData("/bot123/getMe")]
    [InlineData("/bot:secret/getMe")]
    [InlineData("/botabc:secret/getMe")]
    [InlineData("/notbot/getMe")]
    [InlineData("/file/botnot-a-token/documents/file_1.pdf")]
    public async Task A_token_not_shaped_id_colon_secret_gets_404_Not_Found(string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (status, body) = await BotApiTests.RawAsync(sandbox, HttpMethod.Get, path);

        Assert.Equal((404, """{"ok":false,"error_code":404,"description":"Not Found"}"""), (status, body));
    }

    [Fact]
    public async Task getMe_carries_every_getMe_only_field_of_the_spec_and_no_other_User_object_does()
    {
        var getMeOnly = BotApiSpec.Load().Types["User"]!["fields"]!.AsArray()
            .Where(f => f!["description"]!.GetValue<string>().Contains("Returned only in getMe", StringComparison.Ordinal))
            .Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("has_topics_enabled", getMeOnly);
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");

        var me = JsonNode.Parse((await BotApiTests.RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/getMe")).Body)!["result"]!.AsObject();
        var sent = JsonNode.Parse((await BotApiTests.RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/sendMessage?chat_id={ann}&text=hi")).Body)!["result"]!;

        Assert.All(getMeOnly, field => Assert.True(me.ContainsKey(field), $"getMe lacks {field}"));
        Assert.True(me["can_join_groups"]!.GetValue<bool>());
        var sender = sent["from"]!.AsObject();
        Assert.Equal(bot.Id, sender["id"]!.GetValue<long>());
        Assert.All(getMeOnly, field => Assert.False(sender.ContainsKey(field), $"a message's sender carries {field}"));
    }

    [Fact]
    public async Task Error_descriptions_keep_a_literal_apostrophe()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();

        var (status, body) = await BotApiTests.RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/sendMessage?chat_id=1&text=hi&reply_markup=%7Bbroken");

        Assert.Equal(400, status);
        Assert.Contains("can't parse reply_markup JSON object", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", body, StringComparison.Ordinal);
        Assert.Equal("Bad Request: can't parse reply_markup JSON object", JsonDocument.Parse(body).RootElement.GetProperty("description").GetString());
    }
}
