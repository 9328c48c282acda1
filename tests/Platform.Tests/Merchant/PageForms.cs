using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Platform.Tests.Merchant;

/// <summary>Reads portal pages with AngleSharp and posts their forms back with the antiforgery token, as a browser would.</summary>
internal static class PageForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}.");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits the form matched by <paramref name="selector"/> on <paramref name="path"/> with its hidden
    /// fields plus <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string selector, IDictionary<string, string> fields)
    {
        var page = await GetPageAsync(client, path);
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form '{selector}' on {path}.");
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? path : action, new FormUrlEncodedContent(values));
    }

    public static string FieldError(IDocument page, string field) =>
        page.QuerySelector($"span.field-error[data-for='{field}']")?.TextContent.Trim() ?? "";
}
