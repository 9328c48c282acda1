using System.Reflection;
using System.Text;
using System.Text.Json;
using Platform.Core.Events;
using Platform.Core.Outbox;
using Platform.Core.Webhooks;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Events;

/// <summary>
/// The records are the contract: one per event type, the committed schemas under docs/events are what they generate,
/// and the wire format is what the anonymous payloads wrote before the records. Regenerate the schema files with
/// <c>WRITE_EVENT_SCHEMAS=1 dotnet test tests/Platform.Tests --filter FullyQualifiedName~EventSchemasShould</c>.
/// </summary>
public sealed class EventSchemasShould
{
    [Fact]
    public void Have_one_record_per_event_type_constant_and_no_record_without_one()
    {
        var constants = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(EventTypes.ApiVersion))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(StringComparer.Ordinal), EventCatalog.Records.Keys.Order(StringComparer.Ordinal));
        Assert.All(EventCatalog.Records.Values, record => Assert.True(record.IsSealed, $"{record.Name} should be sealed"));
    }

    [Fact]
    public void Match_the_committed_schema_files_in_docs_events()
    {
        var directory = RepositoryPaths.PathOf("docs", "events");
        var generated = EventSchemas.All().ToDictionary(s => s.Key, s => EventSchemas.ToFileText(s.Value), StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("WRITE_EVENT_SCHEMAS") == "1")
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in Directory.GetFiles(directory, "*.schema.json").Where(f => !generated.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (file, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, file), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }

        var committed = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.schema.json").Select(Path.GetFileName).ToList() : [];
        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), committed.Order(StringComparer.Ordinal));
        Assert.All(generated, schema =>
            Assert.Equal(schema.Value, File.ReadAllText(Path.Combine(directory, schema.Key)).ReplaceLineEndings("\n")));
    }

    [Fact]
    public void Describe_every_property_and_require_the_ones_always_present()
    {
        var paid = EventSchemas.ForEvent(OrderPaid.TypeName);

        Assert.Equal("order.paid", paid["title"]!.GetValue<string>());
        Assert.Equal("object", paid["type"]!.GetValue<string>());
        Assert.All(paid["properties"]!.AsObject(), p => Assert.False(string.IsNullOrEmpty(p.Value!["description"]?.GetValue<string>()), p.Key));
        Assert.Equal(7, paid["required"]!.AsArray().Count);
        Assert.Equal("integer", paid["properties"]!["price_stars"]!["type"]!.GetValue<string>());
        Assert.Equal("date-time", paid["properties"]!["paid_at"]!["format"]!.GetValue<string>());
        Assert.Equal("""["string","null"]""",
            EventSchemas.ForEvent(OrderRefunded.TypeName)["properties"]!["telegram_payment_charge_id"]!["type"]!.ToJsonString());
    }

    [Fact]
    public void Write_the_same_json_as_the_anonymous_payloads_the_records_replaced_and_what_the_schemas_say()
    {
        var previous = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var (order, product, customer, bot, endpoint) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = new DateTimeOffset(2026, 11, 25, 17, 5, 41, 123, TimeSpan.Zero);

        (object Anonymous, object Record)[] pairs =
        [
            (new { order_id = order, product_id = product, customer_id = customer, bot_id = bot, price_stars = 150, telegram_payment_charge_id = "stx1",
                paid_at = now },
                new OrderPaid(order, product, customer, bot, 150, "stx1", now)),
            (new { order_id = order, product_id = product, fulfilled_at = now }, new OrderFulfilled(order, product, now)),
            // refund_reason (issue 18) was added to order.refunded: additive, as the versioning rules allow.
            (new { order_id = order, product_id = product, price_stars = 150, telegram_payment_charge_id = (string?)"stx1", refunded_at = now,
                    refund_reason = (string?)"Bought twice" },
                new OrderRefunded(order, product, 150, "stx1", now, "Bought twice")),
            (new { ProductId = product, Title = "Windows 11 Pro key" }, new ProductSoldOut(product, "Windows 11 Pro key")),
            (new { bot_id = bot, username = "alice_shop_bot", reason = "token_revoked" }, new BotBroken(bot, "alice_shop_bot", BotBroken.TokenRevoked)),
            (new { EndpointId = endpoint, Message = "Test event sent from Starfront.", SentAt = now },
                new WebhookTest(endpoint, WebhookTest.DefaultMessage, now)),
        ];

        Assert.All(pairs, pair => Assert.Equal(JsonSerializer.Serialize(pair.Anonymous, previous), JsonSerializer.Serialize(pair.Record, EventJson.Options)));
        Assert.All(pairs, pair => Assert.Empty(EventContractComparer.Disagreements(
            JsonSerializer.Serialize(pair.Record, EventJson.Options), EventSchemas.ForEvent(EventCatalog.TypeNameOf(pair.Record.GetType())))));
        // Every record that replaced an anonymous payload; later events (subscriptions, members) were records from the start.
        Assert.Equal(6, pairs.Select(p => p.Record.GetType()).Distinct().Count());
    }

    [Fact]
    public void Describe_the_envelope_webhooks_carry()
    {
        var body = WebhookEnvelope.Build(Guid.NewGuid(), OrderPaid.TypeName, EventTypes.ApiVersion, DateTimeOffset.UtcNow, Guid.NewGuid(),
            """{"order_id":"x"}""");

        Assert.Empty(EventContractComparer.Disagreements(Encoding.UTF8.GetString(body), EventSchemas.ForEnvelope()));
    }
}
