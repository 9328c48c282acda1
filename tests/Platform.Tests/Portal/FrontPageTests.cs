using System.Net;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;
using Platform.Web.Portal;

namespace Platform.Tests.Portal;

/// <summary>
/// The public front page in a real headless Chromium at a desktop width and at 390 px: what Starfront is, how selling for
/// Stars works, the fees, pictures of the bot and the portal that load (with alt text), the calls to action and the footer;
/// and the footer's Terms, Privacy and Contact pages answer 200 to anyone.
/// </summary>
public sealed class FrontPageTests(PlatformAppFactory app, BrowserFixture browser) : IClassFixture<PlatformAppFactory>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_front_page_explains_selling_for_stars_shows_fees_pictures_calls_to_action_and_the_footer(int width)
    {
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Telegram bot");
        await Assertions.Expect(page.Locator("#how-it-works ol li")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#fees")).ToContainTextAsync("no fee");
        await Assertions.Expect(page.Locator("#fees")).ToContainTextAsync("Telegram");
        await Assertions.Expect(page.Locator("#cta-signup")).ToHaveAttributeAsync("href", "/signup");
        await Assertions.Expect(page.Locator("#cta-login")).ToHaveAttributeAsync("href", "/login");
        var images = page.Locator("#pictures img");
        await Assertions.Expect(images).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
        {
            var image = images.Nth(i);
            Assert.False(string.IsNullOrWhiteSpace(await image.GetAttributeAsync("alt")));
            await image.ScrollIntoViewIfNeededAsync();
            Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"image {i} did not load");
        }

        var footer = page.Locator("#site-footer");
        await Assertions.Expect(footer.Locator("a")).ToHaveCountAsync(3);
        var links = await footer.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["/terms", "/privacy", "/contact"], links);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The front page scrolls sideways by {overflow} px at {width} px.");
        Assert.Empty(failed);
    }

    [Theory]
    [InlineData("/terms", "Terms of service")]
    [InlineData("/privacy", "Privacy policy")]
    [InlineData("/contact", "Contact us")]
    public async Task The_footer_pages_answer_anyone_with_their_text_and_the_contact_address(string path, string heading)
    {
        using var http = app.CreateHttpClient();
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await http.GetAsync(path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(SiteContact.DefaultEmail, html, StringComparison.Ordinal);
        Assert.Contains("id=\"site-footer\"", html, StringComparison.Ordinal);
    }
}
