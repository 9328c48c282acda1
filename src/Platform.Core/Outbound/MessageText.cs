namespace Platform.Core.Outbound;

/// <summary>
/// Cuts a text to one of Telegram's length limits (a message, a caption, an invoice's title or description). The limits
/// are the Bot API's, so the cut lives with the sending side and every screen and the checkout share it.
/// </summary>
internal static class MessageText
{
    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
