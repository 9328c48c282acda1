using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Accounts;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.Tests.Infrastructure;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>
/// Every destructive action of the portal asks first, without JavaScript (the shared <c>_ConfirmButton</c> box): in a real
/// Chromium with scripts off, opening the box shows the question, the real button and Cancel; Cancel changes nothing;
/// only the button inside does the action, and the page then says what happened.
/// </summary>
public sealed class ConfirmationBrowserTests(MerchantAppFactory app, BrowserFixture browser) : IClassFixture<MerchantAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Each_destructive_action_shows_cancel_and_does_nothing_until_confirmed()
    {
        var (tenant, email, _, order) = await OrdersSeed.StoreAsync(app, "Confirm");
        var seeded = await SeedAsync(tenant, email);
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString().TrimEnd('/'), JavaScriptEnabled = false });
        context.SetDefaultTimeout(60_000); // a loaded CI machine: every step navigates
        var page = await context.NewPageAsync();
        var signIn = await context.APIRequest.GetAsync($"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        Assert.True(signIn.Ok, $"sign-in answered {signIn.Status}");
        var slug = tenant.Slug;

        await ConfirmAsync(page, $"/stores/{slug}/bots", $"#remove-{seeded.BotId}", "#bot-message",
            () => Db(tenant, db => db.Bots.AnyAsync(b => b.Id == seeded.BotId && b.Status != BotStatus.Broken)));
        await ConfirmAsync(page, $"/stores/{slug}/webhooks/{seeded.EndpointId}", "#delete-endpoint", "#notice",
            () => Db(tenant, db => db.WebhookEndpoints.AnyAsync(e => e.Id == seeded.EndpointId)));
        await ConfirmAsync(page, $"/stores/{slug}/storefront", $"#categories tr[data-id='{seeded.CategoryId}'] details.confirm", "#notice",
            () => Db(tenant, db => db.Categories.AnyAsync(c => c.Id == seeded.CategoryId)));
        await ConfirmAsync(page, $"/stores/{slug}/api-clients", $"#revoke-{seeded.ApiClientId}", "#notice",
            () => Db(tenant, db => db.ApiClients.AnyAsync(c => c.Id == seeded.ApiClientId && c.RevokedAt == null)));
        await ConfirmAsync(page, $"/stores/{slug}/team", $"#invitations tr[data-email='{seeded.InvitedEmail}'] details.confirm", "#team-notice",
            () => Db(tenant, db => db.Invitations.AnyAsync(i => i.Id == seeded.InvitationId)));
        await ConfirmAsync(page, $"/stores/{slug}/team", $"#members tr[data-email='{seeded.MemberEmail}'] details.confirm", "#team-notice",
            () => Db(tenant, db => db.Memberships.AnyAsync(m => m.Id == seeded.MembershipId)));
        await Db(tenant, db => db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.DownloadCount, 3)));
        await ConfirmAsync(page, $"/stores/{slug}/orders/{order.Id}", "#reset-downloads", "#order-notice",
            () => Db(tenant, db => db.Orders.AnyAsync(o => o.Id == order.Id && o.DownloadCount == 3)));

        // The refund asks on a page of its own; its Cancel goes back to the order and nothing changed.
        await page.GotoAsync($"/stores/{slug}/orders/{order.Id}");
        await page.ClickAsync("#refund");
        await Assertions.Expect(page.Locator("#refund-question")).ToContainTextAsync("cannot be undone");
        await page.ClickAsync("#refund-cancel");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/orders/{order.Id}$"));
        Assert.True(await Db(tenant, db => db.Orders.AnyAsync(o => o.Id == order.Id && o.Status == Platform.Core.Orders.OrderStatus.Paid)));
    }

    /// <summary>Opens the box, cancels (still there), opens again and confirms (gone, result shown).</summary>
    private static async Task ConfirmAsync(IPage page, string path, string box, string result, Func<Task<bool>> stillThere)
    {
        await page.GotoAsync(path);
        var details = page.Locator(box);
        await Assertions.Expect(details.Locator(".confirm-yes")).ToBeHiddenAsync();
        await details.Locator("summary").ClickAsync();
        await Assertions.Expect(details.Locator(".confirm-question")).ToBeVisibleAsync();
        await Assertions.Expect(details.Locator(".confirm-cancel")).ToHaveTextAsync("Cancel");
        await details.Locator(".confirm-cancel").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.True(await stillThere(), $"{box} on {path}: Cancel changed something.");
        await Assertions.Expect(page.Locator(box).Locator(".confirm-yes")).ToBeHiddenAsync();

        await page.Locator(box).Locator("summary").ClickAsync();
        await page.Locator(box).Locator(".confirm-yes").ClickAsync();
        await Assertions.Expect(page.Locator(result)).ToBeVisibleAsync();
        Assert.False(await stillThere(), $"{box} on {path}: confirming did nothing.");
    }

    private Task<T> Db<T>(TenantInfo tenant, Func<PlatformDbContext, Task<T>> work) =>
        app.InTenantAsync(tenant, sp => work(sp.GetRequiredService<PlatformDbContext>()));

    private async Task<Seeded> SeedAsync(TenantInfo tenant, string ownerEmail)
    {
        var owner = await app.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(ownerEmail))!.Id);
        var memberEmail = $"member-{Guid.NewGuid():N}@example.test";
        var invitedEmail = $"invited-{Guid.NewGuid():N}@example.test";
        var token = await app.InTenantAsync(tenant, async sp =>
            (await sp.GetRequiredService<TeamService>().InviteAsync(memberEmail, MembershipRole.Staff, owner, default)).Value!.Token);
        Assert.True((await app.Services.GetRequiredService<InvitationService>()
            .CreateAccountAndAcceptAsync(tenant.Slug, token, memberEmail, MerchantAppFactory.Password, default)).Succeeded);
        return await app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var invitation = (await sp.GetRequiredService<TeamService>().InviteAsync(invitedEmail, MembershipRole.Staff, owner, default)).Value!.Invitation;
            var memberId = await sp.GetRequiredService<UserManager<PlatformUser>>().Users.Where(u => u.Email == memberEmail).Select(u => u.Id).SingleAsync();
            var membership = await db.Memberships.Where(m => m.UserId == memberId).Select(m => m.Id).SingleAsync();
            var bot = new Bot
            {
                Id = Guid.CreateVersion7(),
                TelegramBotId = Random.Shared.NextInt64(1, long.MaxValue),
                Username = "confirm_shop_bot",
                TokenCiphertext = sp.GetRequiredService<BotSecrets>().Protect("123:unreachable"),
                WebhookSecretCiphertext = "x",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Bots.Add(bot);
            await db.SaveChangesAsync();
            var category = (await sp.GetRequiredService<CategoryService>().CreateAsync("Shelf to delete", default)).Value!;
            var endpoint = (await sp.GetRequiredService<WebhookEndpointService>().CreateAsync(
                new WebhookEndpointInput("http://127.0.0.1:9/hook", "to delete", null), default)).Value!.Endpoint;
            var client = (await sp.GetRequiredService<ApiClientService>().CreateAsync("Accounting", owner, default)).Value!.Client;
            return new Seeded(bot.Id, endpoint.Id, category.Id, client.Id, invitation.Id, invitedEmail, membership, memberEmail);
        });
    }

    private sealed record Seeded(Guid BotId, Guid EndpointId, Guid CategoryId, Guid ApiClientId, Guid InvitationId, string InvitedEmail,
        Guid MembershipId, string MemberEmail);
}
