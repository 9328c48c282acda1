using Platform.Core.Catalog;

namespace Platform.Core.Outbound;

/// <summary>
/// Telegram's HTML parse mode (docs: "HTML style"): every text we send with parse mode HTML goes through here, so a
/// product title or a buyer's name with <c>&lt;</c> or <c>&amp;</c> can neither break the message nor inject markup.
/// </summary>
public static class TelegramHtml
{
    /// <summary>Escapes what Telegram's HTML parser treats specially: the same escaping the merchant's rich texts get.</summary>
    public static string Escape(string text) => RichText.Escape(text);

    public static string Bold(string text) => $"<b>{Escape(text)}</b>";

    /// <summary>Monospace: Telegram copies it to the clipboard on a tap (license keys).</summary>
    public static string Code(string text) => $"<code>{Escape(text)}</code>";
}
