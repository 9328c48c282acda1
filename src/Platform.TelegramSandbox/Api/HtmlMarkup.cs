using System.Net;
using System.Text;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Api;

/// <summary>
/// parse_mode=HTML as Telegram applies it: tags become entities, the text keeps only the visible characters.
/// Offsets and lengths are UTF-16 code units, as in the Bot API (and in .NET strings).
/// </summary>
internal static class HtmlMarkup
{
    private sealed record Open(string Tag, MessageEntityType Type, int Start, string? Url, string? Language);

    public static (string Text, MessageEntity[]? Entities) Parse(string html, string parameter)
    {
        var text = new StringBuilder();
        var open = new Stack<Open>();
        var entities = new List<MessageEntity>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var decoded = end > i && end - i <= 10 ? WebUtility.HtmlDecode(html[i..(end + 1)]) : null;
                if (decoded is null || decoded == html[i..(end + 1)]) { text.Append(c); i++; continue; }
                text.Append(decoded);
                i = end + 1;
                continue;
            }
            if (c != '<') { text.Append(c); i++; continue; }
            var close = html.IndexOf('>', i);
            if (close < 0) throw Error(parameter, $"Unclosed start tag at byte offset {ByteOffset(html, i)}");
            var tag = html[(i + 1)..close].Trim();
            if (tag.StartsWith('/'))
            {
                var name = tag[1..].Trim().ToLowerInvariant();
                if (open.Count == 0 || open.Peek().Tag != name)
                    throw Error(parameter,
                        $"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected " +
                        $"\"</{(open.Count > 0 ? open.Peek().Tag : "")}>\", found \"</{name}>\"");
                var o = open.Pop();
                if (text.Length > o.Start)
                    entities.Add(new MessageEntity { Type = o.Type, Offset = o.Start, Length = text.Length - o.Start, Url = o.Url, Language = o.Language });
            }
            else
            {
                var name = tag.Split(' ', 2)[0].ToLowerInvariant();
                var attributes = tag.Length > name.Length ? tag[name.Length..] : "";
                var type = name switch
                {
                    "b" or "strong" => MessageEntityType.Bold,
                    "i" or "em" => MessageEntityType.Italic,
                    "u" or "ins" => MessageEntityType.Underline,
                    "s" or "strike" or "del" => MessageEntityType.Strikethrough,
                    "tg-spoiler" => MessageEntityType.Spoiler,
                    "span" when attributes.Contains("tg-spoiler") => MessageEntityType.Spoiler,
                    "a" => MessageEntityType.TextLink,
                    "code" => MessageEntityType.Code,
                    "pre" => MessageEntityType.Pre,
                    "blockquote" => attributes.Contains("expandable") ? MessageEntityType.ExpandableBlockquote : MessageEntityType.Blockquote,
                    _ => throw Error(parameter, $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, i)}"),
                };
                var url = type == MessageEntityType.TextLink ? Attribute(attributes, "href") : null;
                if (type == MessageEntityType.TextLink && string.IsNullOrEmpty(url)) type = MessageEntityType.Bold; // Telegram ignores <a> without href
                // <pre><code class="language-x"> is one pre entity with a language, not two entities.
                if (type == MessageEntityType.Code && open.TryPeek(out var pre) && pre.Type == MessageEntityType.Pre && pre.Start == text.Length)
                {
                    open.Pop();
                    open.Push(pre with { Language = Attribute(attributes, "class")?.Replace("language-", "") });
                    open.Push(new Open(name, MessageEntityType.Code, -1, null, null));
                }
                else open.Push(new Open(name, type, text.Length, url, null));
            }
            i = close + 1;
        }
        if (open.Count > 0) throw Error(parameter, $"Can't find end tag corresponding to start tag \"{open.Peek().Tag}\"");
        entities.RemoveAll(e => e.Offset < 0);
        var sorted = entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length).ToArray();
        return (text.ToString(), sorted.Length == 0 ? null : sorted);
    }

    private static string? Attribute(string attributes, string name)
    {
        var at = attributes.IndexOf(name + "=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = attributes[(at + name.Length + 1)..].Trim();
        if (rest.Length > 0 && rest[0] is '"' or '\'')
        {
            var end = rest.IndexOf(rest[0], 1);
            return WebUtility.HtmlDecode(end > 0 ? rest[1..end] : rest[1..]);
        }
        return rest.Split(' ')[0];
    }

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    private static BotApiException Error(string parameter, string what) =>
        BotApiException.BadRequest($"can't parse entities in {parameter}: {what}");
}
