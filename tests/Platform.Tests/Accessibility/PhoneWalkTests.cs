using Microsoft.Playwright;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Accessibility;

/// <summary>
/// Issue 18, point 2: every portal and admin page at a phone's 390 × 844 in a real headless Chromium, over a store with
/// data, and none scrolls sideways; the navigation is a collapsed "Menu" on a phone (opened without script) and a row
/// of links on a desktop. The pages come from the app's own routes (<see cref="A11yPages"/>), so a new page joins.
/// </summary>
public sealed class PhoneWalkTests(A11yWalkAppFactory app, BrowserFixture browser)
    : IClassFixture<A11yWalkAppFactory>, IClassFixture<BrowserFixture>
{
    private readonly A11yWalk walk = new(app, browser);

    [Fact]
    public void Every_page_route_has_a_url_in_the_walk()
    {
        Assert.True(walk.Missing.Count == 0,
            "Routes with no URL in A11yPages (add a row, or an exclusion with a reason):\n" + string.Join("\n", walk.Missing));
    }

    [Fact]
    public async Task No_page_scrolls_sideways_at_390_px()
    {
        var problems = await walk.VisitAsync(A11yWalk.PhoneWidth, A11yWalk.PhoneHeight, async (page, _) =>
        {
            var (scroll, client) = await OverflowAsync(page);
            if (scroll <= client)
            {
                return [];
            }

            var culprits = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .filter(e => !e.closest('.table-scroll') || e.matches('.table-scroll'))
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))
                """);
            return [$"scrolls sideways: {scroll} px wide in {client} px ({string.Join(", ", culprits)})"];
        });

        Assert.True(problems.Count == 0, "Pages wider than a 390 px phone:\n" + string.Join("\n", problems));
        Assert.Empty(walk.Missing);
    }

    [Theory]
    [InlineData(A11yWalk.PhoneWidth, A11yWalk.PhoneHeight)]
    [InlineData(A11yWalk.DesktopWidth, A11yWalk.DesktopHeight)]
    public async Task The_navigation_is_a_collapsed_menu_on_a_phone_and_a_row_of_links_on_a_desktop(int width, int height)
    {
        await using var context = await A11yWalk.NewContextAsync(browser, app);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var data = app.Data;
        var signIn = await context.APIRequest.GetAsync(
            $"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(data.OwnerEmail)}&tenant={data.Tenant.Id}");
        Assert.True(signIn.Ok);
        await page.GotoAsync($"/stores/{data.Tenant.Slug}/orders");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Store" });
        var menu = nav.Locator("summary");
        var products = nav.GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true });
        if (width == A11yWalk.PhoneWidth)
        {
            await Assertions.Expect(menu).ToBeVisibleAsync();
            await Assertions.Expect(menu).ToHaveTextAsync("Menu");
            await Assertions.Expect(products).ToBeHiddenAsync();
            await menu.ClickAsync();
            await Assertions.Expect(products).ToBeVisibleAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            var (scroll, client) = await OverflowAsync(page);
            Assert.True(scroll <= client, $"The open menu makes the page {scroll} px wide in {client} px.");
        }
        else
        {
            await Assertions.Expect(menu).ToBeHiddenAsync();
            await Assertions.Expect(products).ToBeVisibleAsync();
            var first = await nav.GetByRole(AriaRole.Link).First.BoundingBoxAsync();
            var last = await nav.GetByRole(AriaRole.Link).Last.BoundingBoxAsync();
            Assert.True(Math.Abs(first!.Y - last!.Y) < 1, $"The desktop navigation wraps: first link at y={first.Y}, last at y={last.Y}.");
        }

        await products.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/products$"));
    }

    private static async Task<(int Scroll, int Client)> OverflowAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (sizes[0], sizes[1]);
    }
}
