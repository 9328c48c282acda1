using System.Text.RegularExpressions;

namespace Platform.Core.Telemetry;

/// <summary>
/// Secrets that travel in URL paths, taken out before a span keeps the URL: Telegram's Bot API puts the bot token in
/// every path (<c>/bot123:AA…/sendDocument</c>, <c>/file/bot123:AA…/…</c>), and our own download and invitation links
/// carry their signed token as the last segment. A trace backend is not a place for tokens.
/// </summary>
public static partial class TelemetryRedaction
{
    public const string Redacted = "{redacted}";

    /// <summary>The path (or whole URL) with bot tokens and link tokens replaced by <see cref="Redacted"/>.</summary>
    public static string Path(string value) => LinkToken().Replace(BotToken().Replace(value, "bot" + Redacted), "$1" + Redacted);

    public static string Url(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri
            ? $"{uri.Scheme}://{uri.Authority}{Path(uri.AbsolutePath)}{(uri.Query.Length > 0 ? "?" + Redacted : "")}"
            : Path(uri.OriginalString);
    }

    [GeneratedRegex(@"bot\d+:[A-Za-z0-9_-]+")]
    private static partial Regex BotToken();

    [GeneratedRegex(@"^(/d/|/invite/[^/]+/)[^/?]+")]
    private static partial Regex LinkToken();
}
