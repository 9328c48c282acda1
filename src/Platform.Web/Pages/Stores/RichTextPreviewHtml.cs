using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Platform.Core.Catalog;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// Portal HTML for a text the bot sends in Telegram's HTML, written from <see cref="RichText"/>'s accepted parts: every
/// piece of text is HTML-encoded and only our own elements are written for the allowed tags, so a merchant's text can
/// show its formatting in the preview but never put markup of its own into the portal.
/// </summary>
public static class RichTextPreviewHtml
{
    public static IHtmlContent Render(string telegramHtml)
    {
        var text = RichText.TryParse(telegramHtml, out var parsed, out _) ? parsed : RichText.Plain(telegramHtml);
        var html = new StringBuilder();
        foreach (var part in text.Parts)
        {
            html.Append(part.Kind switch
            {
                RichTextPartKind.Open => Open(part),
                RichTextPartKind.Close => Close(part.Value),
                _ => HtmlEncoder.Default.Encode(part.Value).Replace("&#xA;", "<br>", StringComparison.Ordinal),
            });
        }

        return new HtmlString(html.ToString());
    }

    private static string Open(RichTextPart part) => part.Value switch
    {
        "b" => "<strong>",
        "i" => "<em>",
        "u" => "<u>",
        "s" => "<s>",
        "code" => "<code>",
        "tg-spoiler" => "<span class=\"c1-spoiler\">",
        _ => $"<a href=\"{HtmlEncoder.Default.Encode(part.Href ?? "#")}\" rel=\"nofollow noopener noreferrer\">",
    };

    private static string Close(string tag) => tag switch
    {
        "b" => "</strong>",
        "i" => "</em>",
        "tg-spoiler" => "</span>",
        "a" => "</a>",
        _ => $"</{tag}>",
    };
}
