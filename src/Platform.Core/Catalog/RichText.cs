using System.Text;

namespace Platform.Core.Catalog;

/// <summary>
/// A merchant's formatted text (welcome, about, terms, support, product descriptions) in the small HTML subset Telegram
/// accepts: &lt;b&gt;, &lt;i&gt;, &lt;u&gt;, &lt;s&gt;, &lt;tg-spoiler&gt;, &lt;code&gt; and &lt;a href&gt; (http, https, tg).
/// Why one type: the save check (<see cref="TryParse"/>), what the bot sends (<see cref="ToTelegramHtml"/>) and the
/// portal preview all work from the same accepted parts, so nothing reaches Telegram or the portal that the parser did
/// not accept. A <c>&lt;</c> that does not start a tag is text (see docs/catalog.md, "Formatting").
/// </summary>
public sealed class RichText
{
    public static readonly IReadOnlyList<string> Tags = ["b", "i", "u", "s", "tg-spoiler", "code", "a"];

    internal RichText(IReadOnlyList<RichTextPart> parts)
    {
        Parts = parts;
        VisibleLength = parts.Where(p => p.Kind == RichTextPartKind.Text).Sum(p => p.Value.Length);
    }

    public IReadOnlyList<RichTextPart> Parts { get; }

    /// <summary>Characters the reader sees, in UTF-16 code units: what Telegram counts against its 4,096 and 1,024 limits.</summary>
    public int VisibleLength { get; }

    /// <summary>The visible text alone (no formatting).</summary>
    public string PlainText => string.Concat(Parts.Where(p => p.Kind == RichTextPartKind.Text).Select(p => p.Value));

    /// <summary>Parses a merchant's text; on a refusal <paramref name="error"/> names the problem for the form.</summary>
    public static bool TryParse(string source, out RichText text, out string error) => RichTextParser.TryParse(source, out text, out error);

    /// <summary>Text for the bot from a stored value: parsed, or (a row written before formatting existed) shown literally.</summary>
    public static RichText Safe(string? source) =>
        source is null ? Plain("") : TryParse(source, out var text, out _) ? text : Plain(source);

    /// <summary>Literal text: every character shows as typed.</summary>
    public static RichText Plain(string text) => new(text.Length == 0 ? [] : [new RichTextPart(RichTextPartKind.Text, text)]);

    /// <summary>Telegram's HTML parse mode, cut to <paramref name="maxVisible"/> visible characters (never inside a tag: open tags are closed).</summary>
    public string ToTelegramHtml(int maxVisible = int.MaxValue)
    {
        var html = new StringBuilder();
        var open = new Stack<string>();
        var left = VisibleLength > maxVisible ? Math.Max(maxVisible - 1, 0) : int.MaxValue; // room for the ellipsis
        foreach (var part in Parts)
        {
            switch (part.Kind)
            {
                case RichTextPartKind.Open:
                    open.Push(part.Value);
                    html.Append(part.Href is null ? "<" + part.Value + ">" : "<a href=\"" + Escape(part.Href) + "\">");
                    break;
                case RichTextPartKind.Close:
                    open.Pop();
                    html.Append("</").Append(part.Value).Append('>');
                    break;
                case var _ when part.Value.Length <= left:
                    html.Append(Escape(part.Value));
                    left -= part.Value.Length;
                    break;
                default:
                    html.Append(Escape(Cut(part.Value, left))).Append('…');
                    while (open.TryPop(out var tag))
                    {
                        html.Append("</").Append(tag).Append('>');
                    }

                    return html.ToString();
            }
        }

        return html.ToString();
    }

    /// <summary>The canonical source (what is stored): tags as written here, text escaped only where it would read as markup.</summary>
    public string ToSource() => RichTextParser.Source(Parts);

    /// <summary>Escapes what Telegram's HTML parser treats specially (and quotes, for attributes).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>At most <paramref name="length"/> characters, never half a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
