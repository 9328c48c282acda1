using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;
using Platform.Tests.Merchant;

namespace Platform.Tests.Accessibility;

/// <summary>
/// Drives one Chromium through every page of <see cref="A11yPages"/> at one viewport: one context per visitor (the
/// owner signed in once through the test sign-in, the admin once through the real login), each page opened in turn,
/// its status and address checked (a redirect to the login would make the walk meaningless), then the caller's check
/// run on it. Returns every problem, one line each, so a test can fail listing all pages at once.
/// </summary>
public sealed class A11yWalk(A11yWalkAppFactory app, BrowserFixture browser)
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;
    public const int DesktopWidth = 1280;
    public const int DesktopHeight = 900;

    /// <summary>Routes with no row in the page table (the walk cannot visit them).</summary>
    public IReadOnlyList<string> Missing => A11yPages.For(A11yPages.RoutesOf(app.Services), app.Data).Missing;

    public async Task<List<string>> VisitAsync(int width, int height, Func<IPage, A11yPage, Task<IEnumerable<string>>> check)
    {
        var (pages, _) = A11yPages.For(A11yPages.RoutesOf(app.Services), app.Data);
        var problems = new List<string>();
        var contexts = new List<IBrowserContext>();
        try
        {
            var tabs = new Dictionary<A11yVisitor, IPage>();
            foreach (var visitor in pages.Select(p => p.Visitor).Distinct())
            {
                var context = await NewContextAsync(browser, app);
                contexts.Add(context);
                var page = await context.NewPageAsync();
                await page.SetViewportSizeAsync(width, height);
                await SignInAsync(context, page, visitor);
                tabs[visitor] = page;
            }

            foreach (var stop in pages)
            {
                var page = tabs[stop.Visitor];
                var response = await page.GotoAsync(stop.Url);
                var status = response?.Status ?? 0;
                var arrived = new Uri(page.Url).PathAndQuery;
                if (status != stop.Status || !string.Equals(arrived, stop.Url, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{stop.Url} ({stop.Visitor}): answered {status} at {arrived}, expected {stop.Status} there");
                    continue;
                }

                problems.AddRange((await check(page, stop)).Select(p => $"{stop.Url} ({stop.Visitor}): {p}"));
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }

        return problems;
    }

    /// <summary>A context with a patient timeout: the walk runs on busy CI machines, where a page may take seconds.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser, A11yWalkAppFactory app)
    {
        var context = await browser.NewContextAsync(app.BaseAddress);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    private async Task SignInAsync(IBrowserContext context, IPage page, A11yVisitor visitor)
    {
        var data = app.Data;
        if (visitor == A11yVisitor.Owner)
        {
            // The test sign-in answers no page; the context's request API shares the context's cookies.
            var signIn = await context.APIRequest.GetAsync(
                $"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(data.OwnerEmail)}&tenant={data.Tenant.Id}");
            Assert.True(signIn.Ok, $"sign-in answered {signIn.Status}");
        }
        else if (visitor == A11yVisitor.Admin)
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("Email").FillAsync(data.AdminEmail);
            await page.GetByLabel("Password").FillAsync(MerchantAppFactory.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"), new() { Timeout = 30_000 });
        }
    }
}
