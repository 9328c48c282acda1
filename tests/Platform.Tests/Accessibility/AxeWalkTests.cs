using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Accessibility;

/// <summary>
/// Issue 18, point 10: axe-core (Deque.AxeCore.Playwright, its script embedded in the package — nothing fetched) over
/// every page of <see cref="A11yPages"/> at a desktop width and at 390 px, failing on every serious or critical
/// violation with its rule, page and element; and the skip link a keyboard user meets first.
/// </summary>
public sealed class AxeWalkTests(A11yWalkAppFactory app, BrowserFixture browser)
    : IClassFixture<A11yWalkAppFactory>, IClassFixture<BrowserFixture>
{
    private static readonly string[] Failing = ["serious", "critical"];

    private readonly A11yWalk walk = new(app, browser);

    [Theory]
    [InlineData(A11yWalk.DesktopWidth, A11yWalk.DesktopHeight)]
    [InlineData(A11yWalk.PhoneWidth, A11yWalk.PhoneHeight)]
    public async Task No_page_has_a_serious_or_critical_axe_violation(int width, int height)
    {
        var options = new AxeRunOptions { ResultTypes = [ResultType.Violations] };
        var problems = await walk.VisitAsync(width, height, async (page, _) =>
        {
            var result = await page.RunAxe(options);
            return result.Violations
                .Where(v => Failing.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
                .SelectMany(v => v.Nodes.Select(n => $"{v.Impact} {v.Id} at {n.Target}: {v.Help}"));
        });

        Assert.True(problems.Count == 0, $"axe at {width} px:\n" + string.Join("\n", problems));
        Assert.Empty(walk.Missing);
    }

    [Fact]
    public async Task A_keyboard_user_first_meets_a_visible_skip_link_that_leads_to_the_content()
    {
        await using var context = await A11yWalk.NewContextAsync(browser, app);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(A11yWalk.PhoneWidth, A11yWalk.PhoneHeight);
        var data = app.Data;
        Assert.True((await context.APIRequest.GetAsync(
            $"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(data.OwnerEmail)}&tenant={data.Tenant.Id}")).Ok);
        await page.GotoAsync($"/stores/{data.Tenant.Slug}/orders");

        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).Not.ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        var outline = await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main$"));
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }
}
