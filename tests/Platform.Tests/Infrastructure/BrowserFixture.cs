using Microsoft.Playwright;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// One headless Chromium per test class (<c>IClassFixture&lt;BrowserFixture&gt;</c>). It drives the machine's
/// <c>/usr/bin/chromium</c> (or <c>PLATFORM_TEST_CHROMIUM</c>): never <c>playwright install</c>, which
/// downloads browsers and fails without internet. Each test opens its own contexts (separate cookie jars).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started yet.");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PLATFORM_TEST_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install it (apt-get install -y chromium) or set PLATFORM_TEST_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseAddress.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
