using System.Text;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Api;

/// <summary>
/// parse_mode=MarkdownV2 as Telegram applies it: *bold*, _italic_, __underline__, ~strike~, ||spoiler||,
/// `code`, ```lang pre```, [text](url) and &gt; quotes; every other reserved character must be escaped with '\'.
/// </summary>
internal static class MarkdownV2Markup
{
    private const string Reserved = "_*[]()~`>#+-=|{}.!";

    public static (string Text, MessageEntity[]? Entities) Parse(string source, string parameter)
    {
        var text = new StringBuilder();
        var entities = new List<MessageEntity>();
        var open = new Dictionary<MessageEntityType, int>();
        var linkStarts = new Stack<int>();
        int? quoteStart = null;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var lineStart = i == 0 || source[i - 1] == '\n';
            if (c == '\\' && i + 1 < source.Length) { text.Append(source[++i]); continue; }
            if (c == '\n' && quoteStart is { } qs && (i + 1 >= source.Length || source[i + 1] != '>'))
            {
                Add(entities, MessageEntityType.Blockquote, qs, text.Length);
                quoteStart = null;
            }
            if (lineStart && c == '>') { quoteStart ??= text.Length; continue; }
            switch (c)
            {
                case '*': Toggle(MessageEntityType.Bold); break;
                case '~': Toggle(MessageEntityType.Strikethrough); break;
                case '_' when i + 1 < source.Length && source[i + 1] == '_': i++; Toggle(MessageEntityType.Underline); break;
                case '_': Toggle(MessageEntityType.Italic); break;
                case '|' when i + 1 < source.Length && source[i + 1] == '|': i++; Toggle(MessageEntityType.Spoiler); break;
                case '`' when string.CompareOrdinal(source, i, "```", 0, 3) == 0:
                    {
                        var end = FindClosing(source, i + 3, "```");
                        if (end < 0) throw Error(parameter, $"Can't find end of Pre entity at byte offset {ByteOffset(source, i)}");
                        var body = source[(i + 3)..end];
                        var newline = body.IndexOf('\n');
                        string? language = newline > 0 && !body[..newline].Contains(' ') ? body[..newline] : null;
                        if (language is not null) body = body[(newline + 1)..];
                        var start = text.Length;
                        text.Append(Unescape(body));
                        if (text.Length > start) entities.Add(new MessageEntity
                        {
                            Type = MessageEntityType.Pre,
                            Offset = start,
                            Length = text.Length - start,
                            Language = language
                        });
                        i = end + 2;
                        break;
                    }
                case '`':
                    {
                        var end = FindClosing(source, i + 1, "`");
                        if (end < 0) throw Error(parameter, $"Can't find end of Code entity at byte offset {ByteOffset(source, i)}");
                        var start = text.Length;
                        text.Append(Unescape(source[(i + 1)..end]));
                        Add(entities, MessageEntityType.Code, start, text.Length);
                        i = end;
                        break;
                    }
                case '[': linkStarts.Push(text.Length); break;
                case ']' when linkStarts.Count > 0 && i + 1 < source.Length && source[i + 1] == '(':
                    {
                        var end = i + 2;
                        var url = new StringBuilder();
                        for (; end < source.Length && source[end] != ')'; end++)
                            url.Append(source[end] == '\\' && end + 1 < source.Length ? source[++end] : source[end]);
                        if (end >= source.Length) throw Error(parameter, $"Can't find end of a url at byte offset {ByteOffset(source, i)}");
                        var start = linkStarts.Pop();
                        if (text.Length > start) entities.Add(new MessageEntity
                        {
                            Type = MessageEntityType.TextLink,
                            Offset = start,
                            Length = text.Length - start,
                            Url = url.ToString()
                        });
                        i = end;
                        break;
                    }
                default:
                    if (Reserved.Contains(c))
                        throw Error(parameter, $"Character '{c}' is reserved and must be escaped with the preceding '\\'");
                    text.Append(c);
                    break;
            }
        }
        if (quoteStart is { } q) Add(entities, MessageEntityType.Blockquote, q, text.Length);
        if (open.Count > 0) throw Error(parameter, $"Can't find end of {open.Keys.First()} entity at byte offset {ByteOffset(source, source.Length)}");
        if (linkStarts.Count > 0) throw Error(parameter, "Can't find end of a link");
        var sorted = entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length).ToArray();
        return (text.ToString(), sorted.Length == 0 ? null : sorted);

        void Toggle(MessageEntityType type)
        {
            if (open.Remove(type, out var start)) Add(entities, type, start, text.Length);
            else open[type] = text.Length;
        }
    }

    private static void Add(List<MessageEntity> entities, MessageEntityType type, int start, int end)
    {
        if (end > start) entities.Add(new MessageEntity { Type = type, Offset = start, Length = end - start });
    }

    /// <summary>The next unescaped occurrence of <paramref name="marker"/>, or -1.</summary>
    private static int FindClosing(string s, int from, string marker)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (string.CompareOrdinal(s, i, marker, 0, marker.Length) == 0) return i;
        }
        return -1;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++) sb.Append(s[i] == '\\' && i + 1 < s.Length && s[i + 1] is '`' or '\\' ? s[++i] : s[i]);
        return sb.ToString();
    }

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    private static BotApiException Error(string parameter, string what) =>
        BotApiException.BadRequest($"can't parse entities in {parameter}: {what}");
}
