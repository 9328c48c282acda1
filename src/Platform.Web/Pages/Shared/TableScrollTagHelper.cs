using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Platform.Web.Pages.Shared;

/// <summary>
/// Makes every <c>&lt;div class="table-scroll"&gt;</c> a box a keyboard can reach: a wide table scrolls inside it at
/// 390 px, and axe (rule <c>scrollable-region-focusable</c>) wants such a region focusable and named. Adds
/// <c>tabindex="0"</c>, <c>role="region"</c> and an <c>aria-label</c> (the table's caption, else its id in words)
/// unless the markup gives its own, so a page only has to wrap its table.
/// </summary>
[HtmlTargetElement("div", Attributes = "class")]
public sealed partial class TableScrollTagHelper : TagHelper
{
    public const string ScrollClass = "table-scroll";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(ScrollClass, StringComparer.Ordinal))
        {
            return;
        }

        if (!output.Attributes.ContainsName("tabindex"))
        {
            output.Attributes.SetAttribute("tabindex", "0");
        }

        if (!output.Attributes.ContainsName("role"))
        {
            output.Attributes.SetAttribute("role", "region");
        }

        if (!output.Attributes.ContainsName("aria-label") && !output.Attributes.ContainsName("aria-labelledby"))
        {
            var inner = (await output.GetChildContentAsync()).GetContent();
            output.Attributes.SetAttribute("aria-label", LabelFor(inner));
        }
    }

    /// <summary>The caption's text, else the table's id in words ("store-orders" → "Store orders"), else "Table".</summary>
    public static string LabelFor(string tableHtml)
    {
        var caption = Caption().Match(tableHtml);
        if (caption.Success)
        {
            var text = WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, "")).Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }

        var id = TableId().Match(tableHtml);
        if (!id.Success)
        {
            return "Table";
        }

        var words = id.Groups[1].Value.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? "Table" : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    [GeneratedRegex(@"<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"<table[^>]*\sid=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TableId();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
