using System.Text.RegularExpressions;

namespace Platform.Tests.Events;

/// <summary>
/// The JSON examples of docs/webhooks.md: the one under "### Envelope" and one per <c>**`type`**</c> paragraph of
/// "### Event types". Parsed from the text so the docs stay a plain document and the test still reads what readers read.
/// </summary>
internal static partial class WebhookDocsExamples
{
    /// <summary>Event type → its JSON example, in the order of the document.</summary>
    public static IReadOnlyDictionary<string, string> Events(string markdown)
    {
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = Lines(markdown);
        for (var i = 0; i < lines.Length; i++)
        {
            if (TypeHeading().Match(lines[i]) is { Success: true } heading)
            {
                examples.Add(heading.Groups[1].Value, JsonBlockAfter(lines, i) ?? throw new InvalidOperationException($"No ```json block after {lines[i]}"));
            }
        }

        return examples;
    }

    /// <summary>The envelope example with its elided <c>data</c> (<c>{ … }</c>) as an empty object.</summary>
    public static string Envelope(string markdown)
    {
        var lines = Lines(markdown);
        var heading = Array.IndexOf(lines, "### Envelope");
        var block = heading < 0 ? null : JsonBlockAfter(lines, heading);
        return block?.Replace("{ … }", "{}", StringComparison.Ordinal) ?? throw new InvalidOperationException("No envelope example.");
    }

    private static string[] Lines(string markdown) => markdown.ReplaceLineEndings("\n").Split('\n');

    /// <summary>The first ```json block after line <paramref name="start"/>, unless another type paragraph or a heading comes first.</summary>
    private static string? JsonBlockAfter(string[] lines, int start)
    {
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || TypeHeading().IsMatch(lines[i]))
            {
                return null;
            }

            if (lines[i].Trim() == "```json")
            {
                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                return string.Join('\n', lines[(i + 1)..end]);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\*\*`([a-z_]+\.[a-z_]+)`\*\*")]
    private static partial Regex TypeHeading();
}
