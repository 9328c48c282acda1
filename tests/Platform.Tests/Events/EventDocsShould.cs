using System.Reflection;
using Platform.Core.Events;
using Platform.Core.Outbox;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Events;

/// <summary>docs/webhooks.md is what merchants read: its examples must have the records' properties, no more, no fewer.</summary>
public sealed class EventDocsShould
{
    private static readonly string Markdown = File.ReadAllText(RepositoryPaths.PathOf("docs", "webhooks.md"));

    [Fact]
    public void Document_every_event_type_with_an_example_and_nothing_that_has_no_record()
    {
        var constants = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(EventTypes.ApiVersion))
            .Select(f => (string)f.GetRawConstantValue()!);
        var documented = WebhookDocsExamples.Events(Markdown).Keys;

        Assert.Equal(constants.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        Assert.Equal(EventCatalog.Records.Keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Show_each_event_with_the_properties_and_json_kinds_of_its_record()
    {
        var disagreements = WebhookDocsExamples.Events(Markdown)
            .SelectMany(e => EventContractComparer.Disagreements(e.Value, EventSchemas.ForEvent(e.Key)).Select(problem => $"{e.Key}: {problem}"));

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Show_the_envelope_with_the_properties_of_the_envelope_record()
    {
        Assert.Empty(EventContractComparer.Disagreements(WebhookDocsExamples.Envelope(Markdown), EventSchemas.ForEnvelope()));
    }

    [Fact]
    public void Fail_when_an_example_misses_a_property_adds_one_or_changes_its_kind()
    {
        const string Wrong = """
            Intro.

            **`order.fulfilled`** — the goods were delivered.
            ```json
            { "order_id": "019abf6e-…", "product_id": 42, "shipped_at": "2026-11-25T17:05:43+00:00" }
            ```
            """;

        var example = Assert.Single(WebhookDocsExamples.Events(Wrong));
        var problems = EventContractComparer.Disagreements(example.Value, EventSchemas.ForEvent(example.Key));

        Assert.Equal(
            [
                "`product_id` is integer in the example but \"string\" in the record",
                "`shipped_at` is in the example but not in the record",
                "`fulfilled_at` is in the record but not in the example",
            ],
            problems);
    }

    [Fact]
    public void Fail_when_an_event_type_has_no_example()
    {
        const string Missing = """
            **`order.paid`** — a buyer paid.

            **`order.refunded`** — Stars were returned.
            ```json
            { "order_id": "019abf6e-…" }
            ```
            """;

        Assert.Throws<InvalidOperationException>(() => WebhookDocsExamples.Events(Missing));
    }
}
