using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Tests.Bots;

namespace Platform.Tests.Admin;

/// <summary>
/// A suspended store's portal is read-only: every page shows the banner (reason, read only, how to reach us), every
/// change — a page's form, a file upload — is refused with a friendly 403 and changes nothing; reads, CSV exports and
/// log-out keep working; reactivated, it is an ordinary portal again.
/// </summary>
[Collection(BotTests.Collection)]
public sealed partial class SuspensionPortalTests(SuspensionAppFactory app) : IClassFixture<SuspensionAppFactory>
{
    [Fact]
    public async Task A_suspended_stores_portal_shows_the_banner_on_every_page_and_refuses_every_change_while_reads_and_log_out_work()
    {
        var store = await TestStore.CreateAsync(app, "Paused");
        var slug = store.Tenant.Slug;
        using var client = await app.OwnerClientAsync(store);
        var token = Antiforgery().Match(await client.GetStringAsync($"/stores/{slug}/storefront")).Groups[1].Value;
        Assert.NotEmpty(token);
        var filesBefore = await store.WithDbAsync(db => db.StoredFiles.CountAsync());

        await SuspensionTestAdmin.SuspendAsync(app.Services, store.Tenant.Id, reason: "Unpaid platform fees");

        foreach (var page in new[] { "", "/products", "/orders", "/storefront", "/webhooks", "/balance" })
        {
            var html = await client.GetStringAsync($"/stores/{slug}{page}");
            Assert.Contains("id=\"suspension-banner\"", html, StringComparison.Ordinal);
            Assert.Contains("Unpaid platform fees", html, StringComparison.Ordinal);
            Assert.Contains("read only", html, StringComparison.Ordinal);
            Assert.Contains("reply to the email", html, StringComparison.Ordinal);
        }

        // A page's form (with a valid antiforgery token): a friendly 403 page, nothing saved.
        using var form = new HttpRequestMessage(HttpMethod.Post, $"/stores/{slug}/storefront")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["DisplayName"] = "Renamed while suspended",
                ["DefaultLanguage"] = "en",
            }),
        };
        form.Headers.Accept.ParseAdd("text/html");
        using var refused = await client.SendAsync(form);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page403 = await refused.Content.ReadAsStringAsync();
        Assert.Contains("This store is suspended; changes are paused", page403, StringComparison.Ordinal);
        Assert.Equal("Paused", (await store.WithDbAsync(db => db.StoreSettings.SingleAsync())).DisplayName);

        // The upload endpoint, asked by a script: problem+json 403, no file stored.
        using var upload = new MultipartFormDataContent();
        var part = new ByteArrayContent("hello"u8.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        upload.Add(part, "file", "notes.txt");
        using var uploadRequest = new HttpRequestMessage(HttpMethod.Post, $"/stores/{slug}/files/upload") { Content = upload };
        uploadRequest.Headers.Add("Origin", app.BaseAddress.ToString().TrimEnd('/'));
        using var uploadAnswer = await client.SendAsync(uploadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, uploadAnswer.StatusCode);
        Assert.Contains("Store suspended", await uploadAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(filesBefore, await store.WithDbAsync(db => db.StoredFiles.CountAsync()));

        // Reads and exports keep working.
        using var csv = await client.GetAsync($"/stores/{slug}/balance/ledger.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);

        // Reactivated: no banner, and the same change goes through.
        await SuspensionTestAdmin.ReactivateAsync(app.Services, store.Tenant.Id);
        Assert.DoesNotContain("suspension-banner", await client.GetStringAsync($"/stores/{slug}"), StringComparison.Ordinal);

        // Log-out is never a store change: it works while suspended too.
        await SuspensionTestAdmin.SuspendAsync(app.Services, store.Tenant.Id, reason: "Again");
        using var logout = await client.PostAsync("/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.True(logout.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"log-out answered {logout.StatusCode}");
        using var after = await client.GetAsync($"/stores/{slug}");
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode); // signed out
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
