using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Platform.Tests.Merchant;

namespace Platform.Tests.Security;

/// <summary>
/// Fuzzes the portal's forms as a browser would post them: every <c>&lt;form method=post&gt;</c> found on the store's
/// pages (and the sign-up page), each text input and textarea in turn filled with each <see cref="HostileText"/>, the
/// other fields as the page rendered them. No answer may be a 5xx; refused text must be a 400 showing the form again
/// with the message, and leave the store's rows exactly as they were.
/// </summary>
public sealed class HostileTextFormTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_portal_form_field_answers_hostile_text_without_a_5xx_and_refused_text_changes_nothing()
    {
        var store = await SeededStore.CreateAsync(app, "Forms");
        var slug = store.Tenant.Slug;
        string[] pages =
        [
            $"/stores/{slug}", $"/stores/{slug}/products", $"/stores/{slug}/products/new", $"/stores/{slug}/products/{store.KeyProductId}",
            $"/stores/{slug}/products/{store.TextProductId}", $"/stores/{slug}/storefront", $"/stores/{slug}/webhooks",
            $"/stores/{slug}/webhooks/{store.WebhookId}", $"/stores/{slug}/team", $"/stores/{slug}/api-clients",
            $"/stores/{slug}/files", $"/stores/{slug}/bots", $"/stores/{slug}/orders", $"/stores/{slug}/orders/{store.OrderId}",
        ];
        var fields = 0;
        foreach (var page in pages)
        {
            fields += await FuzzFormsAsync(store.Portal, page, store);
        }

        fields += await FuzzFormsAsync(app.CreateHttpClient(), "/signup", store);
        Assert.True(fields > 15, $"Only {fields} text fields found: form discovery found too little.");
    }

    private async Task<int> FuzzFormsAsync(HttpClient client, string path, SeededStore store)
    {
        var document = await GetAsync(client, path);
        var fields = 0;
        foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
            if (action.Contains("logout", StringComparison.OrdinalIgnoreCase) || action.Contains("/files/upload", StringComparison.Ordinal))
            {
                continue; // Signing out would end the walk; the streamed upload has no text fields (names are fuzzed via the API test).
            }

            var textFields = form.QuerySelectorAll("textarea[name], input[name]")
                .Where(e => e.LocalName == "textarea" || (e.GetAttribute("type") ?? "text") is "text" or "email" or "url" or "search" or "password" or "tel")
                .Select(e => e.GetAttribute("name")!).Distinct().ToList();
            foreach (var field in textFields)
            {
                fields++;
                foreach (var hostile in HostileText.All.Select(h => h.AsUtf8Text()))
                {
                    var values = Values(form).Where(v => v.Key != field).Append(new(field, hostile.Value)).ToList();
                    await AssertAnswerAsync(client, action, values, hostile, store, $"{path} form {action} field {field}");
                }
            }
        }

        return fields;
    }

    private async Task AssertAnswerAsync(HttpClient client, string action, List<KeyValuePair<string, string>> values, HostileText hostile, SeededStore store,
        string what)
    {
        var before = await TenantRows.FingerprintAsync(app.Database, store.Tenant.Id);
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(action, content);
        var status = (int)response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what} with {hostile} answered {status}: {html[..Math.Min(html.Length, 500)]}");
        if (hostile.Refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} with {hostile} answered {status}, not 400.");
            Assert.True(html.Contains("not allowed (control characters", StringComparison.Ordinal),
                $"{what} with {hostile}: no message on the 400 page: {html}");
            var after = await TenantRows.FingerprintAsync(app.Database, store.Tenant.Id);
            Assert.True(TenantRows.Changed(before, after).Length == 0, $"{what} with {hostile} changed {TenantRows.Changed(before, after)}.");
        }

        Assert.DoesNotContain("<script>alert(1)</script>", html); // whatever was stored is shown encoded
    }

    /// <summary>What the browser would send as the page rendered it: inputs, checked boxes, selected options, textareas.</summary>
    private static List<KeyValuePair<string, string>> Values(IElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = element.GetAttribute("type") ?? "text";
            if (element.LocalName == "input" && (type is "file" or "submit" or "button" || (type is "checkbox" or "radio" && !element.HasAttribute("checked"))))
            {
                continue;
            }

            var value = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => (element.QuerySelector("option[selected]") ?? element.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? (type == "checkbox" ? "on" : ""),
            };
            values.Add(new(name, value));
        }

        return values;
    }

    private static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}.");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
