using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;
using Platform.Web.Api.Reference;

namespace Platform.Tests.Api;

/// <summary>
/// <c>/api/docs</c> in a real headless Chromium: the Scalar reference renders the document's operations, and every
/// request the page makes stays on this server (script and fonts are served by the app, nothing from a CDN).
/// </summary>
public sealed class ApiReferencePageShould(PlatformAppFactory app, BrowserFixture browser)
    : IClassFixture<PlatformAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Render_the_operations_without_fetching_anything_from_the_internet()
    {
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        var console = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        page.Console += (_, message) => console.Enqueue(message.Text);
        page.RequestFailed += (_, request) => console.Enqueue($"failed: {request.Url} {request.Failure}");

        await page.GotoAsync(ApiReferenceExtensions.ReferencePath, new() { Timeout = 60_000 });

        // The first tag opens by itself; its operations are named by their summaries.
        await Assertions.Expect(page.GetByText("Get the store and its storefront").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Starfront merchant API" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains(requests, url => url.EndsWith(ApiReferenceExtensions.DocumentPath, StringComparison.Ordinal));
        Assert.All(requests, url => Assert.True(IsLocal(url), $"The reference page fetched {url}"));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
            || m.StartsWith("failed:", StringComparison.Ordinal));
    }

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" || uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
