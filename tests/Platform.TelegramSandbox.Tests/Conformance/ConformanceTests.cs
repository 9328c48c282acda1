using System.Text.Json.Nodes;
using Platform.TelegramSandbox.Api;
using Platform.TelegramSandbox.Tests.Infrastructure;

namespace Platform.TelegramSandbox.Tests.Conformance;

public sealed class ConformanceTests
{
    private static readonly BotApiSpec Spec = BotApiSpec.Load();

    private static readonly string[] UpdateKindsTheBotsReceive =
    [
        "message", "message.successful_payment", "message.refunded_payment", "callback_query", "pre_checkout_query", "chat_member",
        "my_chat_member", "chat_join_request",
    ];

    [Fact]
    public void Every_served_method_has_exactly_the_spec_parameters_required_flags_types_and_return_type()
    {
        Assert.Equal("Bot API 10.1", Spec.Methods.Root["version"]!.GetValue<string>());
        Assert.Empty(BotTour.IssueMethods.Except(BotApiEndpoints.Handlers.Keys));
        foreach (var name in BotApiEndpoints.Handlers.Keys)
        {
            var spec = Spec.Methods[name] ?? throw new Xunit.Sdk.XunitException($"{name} is not in bot-api.json");
            var ours = MethodSpecs.All[name];
            Assert.Equal(name, ours.Name);
            Assert.Equal(BotApiSpec.Fields(spec).Select(f => $"{f.Name}|{f.Required}|{string.Join(" or ", f.Types)}"),
                ours.Params.Select(p => $"{p.Name}|{p.Required}|{string.Join(" or ", p.Types)}"));
            Assert.Equal(spec["returns"]!.AsArray().Select(r => r!.GetValue<string>()), ours.Returns);
        }
    }

    [Fact]
    public async Task Every_result_and_update_the_sandbox_emits_fits_the_spec_and_survives_Telegram_Bot_without_losing_a_field()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await BotTour.RunAsync(sandbox, bot);

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var updateKinds = new HashSet<string>();
        foreach (var (method, body) in bot.Recorder.Responses)
        {
            var envelope = JsonNode.Parse(body)!.AsObject();
            Assert.True(envelope["ok"]!.GetValue<bool>(), $"{method}: {body}");
            seen.Add(method);
            var returns = MethodSpecs.All[method].Returns[0];
            var result = envelope["result"]!;
            problems.AddRange(Spec.Check(result, returns, method).Select(p => $"{p} in {body}"));
            problems.AddRange(RoundTrip.LostFields(result, returns).Select(p => $"{method}: lost {p}"));
            if (method == "getUpdates")
                foreach (var update in result.AsArray())
                    updateKinds.UnionWith(update!.AsObject().Select(kv => kv.Key == "message" ? MessageKind(kv.Value!) : kv.Key));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
        Assert.Empty(BotTour.IssueMethods.Except(seen, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(UpdateKindsTheBotsReceive
            .Except(updateKinds));
    }

    private static string MessageKind(JsonNode message) =>
        message["successful_payment"] is not null ? "message.successful_payment"
        : message["refunded_payment"] is not null ? "message.refunded_payment"
        : "message";
}
