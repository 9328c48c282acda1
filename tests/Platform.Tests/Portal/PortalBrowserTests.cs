using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>
/// The Done-when walk in a real headless Chromium, driven only through labels and button texts, as a
/// person would: sign up, log out, log in, invite staff, the staff member joins, the owner creates an API client.
/// </summary>
public sealed class PortalBrowserTests(PlatformAppFactory app, BrowserFixture browser)
    : IClassFixture<PlatformAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_merchant_signs_up_logs_in_invites_staff_and_creates_an_api_client_whose_secret_is_shown_once()
    {
        var slug = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var ownerEmail = PortalClient.UniqueEmail("owner");
        var staffEmail = PortalClient.UniqueEmail("staff");
        await using var ownerContext = await browser.NewContextAsync(app.BaseAddress);
        var owner = await ownerContext.NewPageAsync();
        var console = CollectConsole(owner);

        // Sign up
        await owner.GotoAsync("/signup");
        await owner.GetByLabel("Store name").FillAsync("Browser Books");
        await owner.GetByLabel("Store address").FillAsync(slug);
        await owner.GetByLabel("Email").FillAsync(ownerEmail);
        await owner.GetByLabel("Password").FillAsync(PortalClient.Password);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create my store" }).ClickAsync();
        await ArrivedAsync(owner, $"/stores/{slug}");
        await Assertions.Expect(owner.Locator("#store-title")).ToHaveTextAsync("Browser Books");

        // Log out, log in
        await owner.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await ArrivedAsync(owner, "/login");
        await owner.GetByLabel("Email").FillAsync(ownerEmail);
        await owner.GetByLabel("Password").FillAsync(PortalClient.Password);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await ArrivedAsync(owner, $"/stores/{slug}");

        // Invite a staff member
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Store" }).GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await ArrivedAsync(owner, $"/stores/{slug}/team");
        await owner.GetByLabel("Email").FillAsync(staffEmail);
        await owner.GetByLabel("Role").SelectOptionAsync("Staff");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var inviteLink = (await owner.Locator("#invite-link").TextContentAsync())!.Trim();
        Assert.Contains($"/invite/{slug}/", inviteLink);

        // The staff member accepts in another browser context by creating an account
        await using (var staffContext = await browser.NewContextAsync(app.BaseAddress))
        {
            var staff = await staffContext.NewPageAsync();
            await staff.GotoAsync(inviteLink);
            await Assertions.Expect(staff.Locator("#invite-store")).ToHaveTextAsync("Browser Books");
            await Assertions.Expect(staff.GetByLabel("Email")).ToHaveValueAsync(staffEmail);
            await staff.GetByLabel("Password").FillAsync(PortalClient.Password);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Create account and join" }).ClickAsync();
            await ArrivedAsync(staff, $"/stores/{slug}");
            await Assertions.Expect(staff.Locator("#current-store")).ToHaveTextAsync("Browser Books");
        }

        await owner.ReloadAsync();
        await Assertions.Expect(owner.Locator($"#members tr[data-email='{staffEmail}'] .role")).ToHaveTextAsync("Staff");

        // The owner creates an API client: the secret is shown once, and not after a reload
        await owner.GotoAsync($"/stores/{slug}/api-clients");
        await owner.GetByLabel("Name").FillAsync("Warehouse sync");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create API client" }).ClickAsync();
        var secret = (await owner.Locator("#client-secret").TextContentAsync())!.Trim();
        Assert.Matches(new Regex(@"\S{16,}"), secret);
        await owner.GotoAsync($"/stores/{slug}/api-clients");
        await Assertions.Expect(owner.Locator("#client-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await owner.ContentAsync());
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Portal_pages_error_pages_and_the_jobs_dashboard_load_without_policy_violations_or_missing_files()
    {
        var adminEmail = PortalClient.UniqueEmail("admin");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync(adminEmail, PortalClient.Password, CancellationToken.None);
        }

        var slug = "csp-" + Guid.NewGuid().ToString("N")[..8];
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var console = CollectConsole(page);
        var failures = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.Contains("/no-such-page", StringComparison.Ordinal))
            {
                failures.Add($"{response.Status} {response.Url}");
            }
        };

        foreach (var path in new[] { "/", "/login", "/signup", "/forgot-password", "/no-such-page" })
        {
            await page.GotoAsync(path);
        }

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Page not found");
        await page.GotoAsync("/signup");
        await page.GetByLabel("Store name").FillAsync("Policy Books");
        await page.GetByLabel("Store address").FillAsync(slug);
        await page.GetByLabel("Email").FillAsync(PortalClient.UniqueEmail("csp"));
        await page.GetByLabel("Password").FillAsync(PortalClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my store" }).ClickAsync();
        await ArrivedAsync(page, $"/stores/{slug}");
        foreach (var area in new[] { "", "/bots", "/products", "/files", "/storefront", "/orders", "/subscriptions", "/webhooks", "/balance", "/team",
            "/api-clients" })
        {
            await page.GotoAsync($"/stores/{slug}{area}");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await ArrivedAsync(page, "/login");
        await page.GetByLabel("Email").FillAsync(adminEmail);
        await page.GetByLabel("Password").FillAsync(PortalClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await ArrivedAsync(page, "/admin");
        await page.GotoAsync("/admin/jobs");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Starfront jobs"));

        Assert.Empty(failures);
        Assert.True(!console.Any(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)), string.Join("\n", console));
        Assert.DoesNotContain(console, m => m.Contains("favicon", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Console errors and warnings (where Chromium reports refused scripts and styles) and uncaught page errors.</summary>
    private static List<string> CollectConsole(IPage page)
    {
        var messages = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (messages)
                {
                    messages.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (messages)
            {
                messages.Add($"{page.Url}: {error}");
            }
        };
        return messages;
    }

    /// <summary>
    /// Polls the address bar rather than waiting for the page's load event: on a busy CI machine Chromium has reported a
    /// navigation's load event late (a 15 s timeout right after "Log out") although the page was there; the next
    /// action waits for its own element anyway.
    /// </summary>
    private static Task ArrivedAsync(IPage page, string path) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"), new() { Timeout = 30_000 });
}
