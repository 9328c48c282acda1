using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Core.Text;

namespace Platform.Core.Catalog;

/// <summary>
/// The strict reader behind <see cref="RichText"/>: a tag-shaped <c>&lt;name …&gt;</c> must be one of ours with the right
/// attributes, properly nested and closed; a <c>&lt;</c> or <c>&amp;</c> that does not start a tag or an entity is text.
/// Kept apart so the rules (and their messages for the merchant) sit in one place.
/// </summary>
internal static partial class RichTextParser
{
    private const string Allowed = "<b>, <i>, <u>, <s>, <tg-spoiler>, <code> or <a href=\"https://…\">";
    private const int LinkMaxLength = 2048;

    public static bool TryParse(string source, out RichText text, out string error)
    {
        text = RichText.Plain("");
        error = "";
        if (ForbiddenText.IndexOfForbidden(source) is var bad and >= 0)
        {
            error = $"The text has a character that cannot be sent (a control character, NUL or broken Unicode) {Where(source, bad)}.";
            return false;
        }

        var parts = new List<RichTextPart>();
        var run = new StringBuilder();
        var open = new Stack<string>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
            {
                i++; // a browser's CRLF: Telegram would count the CR
                continue;
            }

            if (c == '&' && EntityPattern().Match(source, i) is { Success: true } entity)
            {
                if (Decode(entity.Value) is not { } decoded)
                {
                    error = $"“{entity.Value}” is not a character {Where(source, i)}.";
                    return false;
                }

                run.Append(decoded);
                i += entity.Length;
                continue;
            }

            if (c != '<' || TagPattern().Match(source, i) is not { Success: true } tag)
            {
                run.Append(c);
                i++;
                continue;
            }

            if (run.Length > 0)
            {
                parts.Add(new RichTextPart(RichTextPartKind.Text, run.ToString()));
                run.Clear();
            }

            if (Tag(tag, open, parts) is { } problem)
            {
                error = $"{problem} ({Where(source, i)}).";
                return false;
            }

            i += tag.Length;
        }

        if (open.TryPeek(out var unclosed))
        {
            error = $"<{unclosed}> is not closed: add </{unclosed}> where the formatting should end.";
            return false;
        }

        if (run.Length > 0)
        {
            parts.Add(new RichTextPart(RichTextPartKind.Text, run.ToString()));
        }

        text = new RichText(parts);
        if (source.Length > 0 && string.IsNullOrWhiteSpace(text.PlainText))
        {
            error = "The text has formatting but nothing to read: write some words between the tags.";
            return false;
        }

        return true;
    }

    public static string Source(IReadOnlyList<RichTextPart> parts)
    {
        var source = new StringBuilder();
        foreach (var part in parts)
        {
            source.Append(part.Kind switch
            {
                RichTextPartKind.Open when part.Href is not null => $"<a href=\"{RichText.Escape(part.Href)}\">",
                RichTextPartKind.Open => $"<{part.Value}>",
                RichTextPartKind.Close => $"</{part.Value}>",
                _ => SourceText(part.Value),
            });
        }

        return source.ToString();
    }

    /// <summary>Text as a merchant would type it: only a <c>&lt;</c> or <c>&amp;</c> that would read as markup is escaped.</summary>
    private static string SourceText(string text)
    {
        var source = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            source.Append(text[i] switch
            {
                '&' when EntityPattern().IsMatch(text, i) => "&amp;",
                '<' when TagPattern().IsMatch(text, i) => "&lt;",
                var c => c.ToString(),
            });
        }

        return source.ToString();
    }

    private static string? Tag(Match tag, Stack<string> open, List<RichTextPart> parts)
    {
        var closing = tag.Groups[1].Length > 0;
        var name = tag.Groups[2].Value.ToLowerInvariant();
        var attributes = tag.Groups[3].Value.Trim();
        if (!RichText.Tags.Contains(name))
        {
            return $"The tag <{name}> is not allowed: use {Allowed}, or write &lt; to show a “<”";
        }

        if (closing)
        {
            if (attributes.Length > 0)
            {
                return $"</{name}> cannot have anything after its name";
            }

            if (!open.TryPeek(out var top))
            {
                return $"</{name}> closes a tag that was never opened";
            }

            if (top != name)
            {
                return open.Contains(name)
                    ? $"</{name}> comes before </{top}>: close the inner <{top}> first"
                    : $"</{name}> closes a tag that was never opened (the open tag is <{top}>)";
            }

            open.Pop();
            parts.Add(new RichTextPart(RichTextPartKind.Close, name));
            return null;
        }

        if (open.Contains("code"))
        {
            return $"<code> cannot contain other tags (found <{name}>)";
        }

        if (name == "code" && open.TryPeek(out var outer))
        {
            return $"<code> cannot be inside <{outer}>: Telegram does not mix code with other formatting";
        }

        if (name == "a" && open.Contains("a"))
        {
            return "A link cannot contain another link";
        }

        string? href = null;
        if (name == "a")
        {
            if (LinkPattern().Match(attributes) is not { Success: true } link)
            {
                return "Write a link as <a href=\"https://example.com\">text</a>";
            }

            href = WebUtility.HtmlDecode(link.Groups[1].Success ? link.Groups[1].Value : link.Groups[2].Value).Trim();
            if (LinkProblem(href) is { } problem)
            {
                return problem;
            }
        }
        else if (attributes.Length > 0)
        {
            return $"<{name}> takes no attributes (found “{attributes}”)";
        }

        open.Push(name);
        parts.Add(new RichTextPart(RichTextPartKind.Open, name, href));
        return null;
    }

    private static string? LinkProblem(string href) =>
        href.Length > LinkMaxLength ? $"A link can have at most {LinkMaxLength} characters"
        : href.Any(char.IsWhiteSpace) || !Uri.TryCreate(href, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https" or "tg") || (uri.Scheme != "tg" && uri.Host.Length == 0)
            ? $"The link “{href}” is not allowed: links must be full http://, https:// or tg:// addresses"
            : null;

    private static string? Decode(string entity)
    {
        if (!entity.StartsWith("&#", StringComparison.Ordinal))
        {
            return WebUtility.HtmlDecode(entity);
        }

        var hex = entity[2] is 'x' or 'X';
        var digits = entity[(hex ? 3 : 2)..^1];
        return int.TryParse(digits, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            && ForbiddenText.IndexOfForbidden(char.ConvertFromUtf32(code)) < 0
                ? char.ConvertFromUtf32(code)
                : null;
    }

    private static string Where(string source, int index) => $"on line {source.AsSpan(0, index).Count('\n') + 1}";

    [GeneratedRegex(@"\G&(?:amp|lt|gt|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"\G<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^href\s*=\s*(?:""([^""]*)""|'([^']*)')$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex LinkPattern();
}
