using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Tests.Identity;

/// <summary>The owner's API clients page: create shows the secret once, revoke works, staff are refused.</summary>
public sealed class ApiClientsPageTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    [Fact]
    public async Task Creating_a_client_shows_its_secret_once_and_the_list_never_shows_it_again()
    {
        var (store, _, email) = await app.NewStoreAsync("Mike");
        using var browser = await app.SignedInClientAsync(email, store);
        var page = await GetPageAsync(browser, store);

        var created = await SubmitAsync(browser, page, "Create API client", ("Name", "Warehouse sync"));

        var clientId = created.QuerySelector("code#client-id")?.TextContent;
        var secret = created.QuerySelector("code#client-secret")?.TextContent;
        Assert.StartsWith("sf_", clientId);
        Assert.False(string.IsNullOrEmpty(secret));
        Assert.Contains("won't be shown again", created.Body!.TextContent);

        var again = await GetPageAsync(browser, store);
        Assert.Null(again.QuerySelector("code#client-secret"));
        Assert.DoesNotContain(secret!, again.Source.Text);
        Assert.Contains(clientId!, again.QuerySelector("#api-clients")!.TextContent);
        Assert.Contains("Warehouse sync", again.QuerySelector("#api-clients")!.TextContent);
    }

    [Fact]
    public async Task A_missing_name_is_reported_next_to_the_field()
    {
        var (store, _, email) = await app.NewStoreAsync("November");
        using var browser = await app.SignedInClientAsync(email, store);

        var result = await SubmitAsync(browser, await GetPageAsync(browser, store), "Create API client", ("Name", "   "));

        Assert.Null(result.QuerySelector("code#client-secret"));
        var error = result.QuerySelector("input#Name")!.ParentElement!.QuerySelector(".field-error");
        Assert.Contains("Name is required", error!.TextContent);
    }

    [Fact]
    public async Task Revoking_a_client_marks_it_revoked_in_the_list()
    {
        var (store, owner, email) = await app.NewStoreAsync("Oscar");
        await app.CreateApiClientAsync(store, owner, "Old integration");
        using var browser = await app.SignedInClientAsync(email, store);

        var page = await GetPageAsync(browser, store);
        var response = await PostFormAsync(browser, (IHtmlFormElement)page.QuerySelector("#api-clients form")!, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await GetPageAsync(browser, store);
        var row = after.QuerySelector("#api-clients tbody tr")!;
        Assert.DoesNotContain("—", row.Children[3].TextContent);
        Assert.Null(row.QuerySelector("form"));
    }

    [Fact]
    public async Task Staff_members_may_not_open_the_page()
    {
        var (store, _, _) = await app.NewStoreAsync("Papa");
        var (_, staffId, staffEmail) = await app.NewStoreAsync("Quebec");
        await using (var scope = app.CreateTenantScope(store))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Memberships.Add(new Membership { Id = Guid.NewGuid(), UserId = staffId, Role = MembershipRole.Staff, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var browser = await app.SignedInClientAsync(staffEmail, store);
        var response = await browser.GetAsync($"stores/{store.Slug}/api-clients");

        // Refused either directly or by the cookie handler's redirect to the access-denied page.
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || location.Contains("/access-denied"), $"{response.StatusCode} {location}");
    }

    private static async Task<IHtmlDocument> GetPageAsync(HttpClient browser, TenantInfo store)
    {
        var response = await browser.GetAsync($"stores/{store.Slug}/api-clients");
        Assert.True(HttpStatusCode.OK == response.StatusCode, $"{response.StatusCode} {response.Headers.Location}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static async Task<IHtmlDocument> SubmitAsync(HttpClient browser, IHtmlDocument page, string button, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("button")?.TextContent.Trim() == button);
        var response = await PostFormAsync(browser, form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, IHtmlFormElement form, (string Name, string Value)[] fields)
    {
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }
}
