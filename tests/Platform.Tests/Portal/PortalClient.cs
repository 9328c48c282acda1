using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>
/// A person with a browser, minus the browser: an HttpClient with its own cookie jar that reads forms
/// (and their antiforgery token) with AngleSharp and posts them back. Redirects are not followed, so
/// tests can see where the portal sends them.
/// </summary>
public sealed class PortalClient(PlatformAppFactory app) : IDisposable
{
    public const string Password = "correct-horse-battery-9";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = app.CreateHttpClient();

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.test";

    public async Task<(HttpStatusCode Status, IDocument Page)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>Opens <paramref name="path"/>, fills the form matched by <paramref name="formSelector"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IDictionary<string, string> fields, string formSelector = "main form")
    {
        var (status, page) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} answered {(int)status}.");
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {path}.");
        var values = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "radio" or "submit"))
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        return await Http.PostAsync(string.IsNullOrEmpty(action) ? path : action, new FormUrlEncodedContent(values));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Signs up through the form; returns the new store's slug (from the redirect).</summary>
    public async Task<string> SignUpAsync(string storeName, string email, string? slug = null)
    {
        using var response = await SubmitAsync("/signup", new Dictionary<string, string>
        {
            ["StoreName"] = storeName,
            ["Slug"] = slug ?? "",
            ["Email"] = email,
            ["Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/stores/", location);
        return location["/stores/".Length..];
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = Password, string? returnUrl = null) =>
        await SubmitAsync(returnUrl is null ? "/login" : $"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public async Task LogoutAsync()
    {
        using var response = await SubmitAsync("/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>As a signed-in owner on <paramref name="slug"/>, invites someone; returns the link shown in #invite-link.</summary>
    public async Task<string> InviteAsync(string slug, string email, string role = "Staff")
    {
        using var response = await SubmitAsync($"/stores/{slug}/team",
            new Dictionary<string, string> { ["Email"] = email, ["Role"] = role }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        return page.QuerySelector("#invite-link")?.TextContent.Trim()
            ?? throw new InvalidOperationException("No invite link: " + string.Join(" ", page.QuerySelectorAll(".field-error").Select(e => e.TextContent)));
    }

    public async Task<HttpResponseMessage> SwitchStoreAsync(string currentSlug, string targetSlug) =>
        await SubmitAsync($"/stores/{currentSlug}", new Dictionary<string, string> { ["Slug"] = targetSlug }, "form.store-switcher");

    public static string FieldError(IDocument page, string field) =>
        page.QuerySelector($"span.field-error[data-for='{field}']")?.TextContent.Trim() ?? "";

    public void Dispose() => Http.Dispose();
}
