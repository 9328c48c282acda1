using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Subscriptions;
using Platform.Tests.Merchant;

namespace Platform.Tests.Subscriptions;

/// <summary>The product form for plans, the storefront's reminder and grace fields, and the Subscriptions page as HTML.</summary>
public sealed class PlanPagesTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    /// <summary>Posts the form with repeated fields (checkboxes), as a browser does; the antiforgery token comes from the page.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string selector, IEnumerable<(string Name, string Value)> fields)
    {
        var page = await PageForms.GetPageAsync(client, path);
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form '{selector}' on {path}.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? path : action, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task A_plan_is_created_from_the_form_with_its_chats_and_products_and_a_chat_lacking_rights_is_refused_with_what_is_missing()
    {
        var (tenant, email) = await app.NewStoreAsync("PlanForm");
        using var client = await app.SignedInClientAsync(email, tenant);
        var (lounge, noInvite, pack) = await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            return (await seed.ChatAsync("Members' lounge"), await seed.ChatAsync("Closed room", invite: false),
                await seed.ProductAsync(ProductKind.Text, "Pack"));
        });
        var path = $"/stores/{tenant.Slug}/products/new";
        var form = await PageForms.GetPageAsync(client, path);
        Assert.Contains("Subscription (monthly)", form.QuerySelector("#Kind")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Allow it to invite users via link", form.QuerySelector($"[data-chat='{noInvite.TelegramChatId}'] .missing")!.TextContent,
            StringComparison.Ordinal);

        (string, string)[] common =
            [("Kind", "Subscription"), ("Title", "Club"), ("PriceStars", "250"), ("State", "Published"), ("ChannelAccess", "PersonalLink")];
        using var refused = await PostAsync(client, path, "#product-form",
            [.. common, ("GrantChats", lounge.TelegramChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("GrantChats", noInvite.TelegramChatId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("“Closed room”: Allow it to invite users via link", PageForms.FieldError(await PageForms.ParseAsync(refused), "GrantChats"),
            StringComparison.Ordinal);
        Assert.Equal(0, await app.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<PlatformDbContext>().Products.CountAsync(p => p.Kind == ProductKind.Subscription)));

        using var created = await PostAsync(client, path, "#product-form",
            [.. common, ("GrantChats", lounge.TelegramChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("GrantProducts", pack.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPath = created.Headers.Location!.OriginalString;
        var planId = Guid.Parse(planPath[(planPath.LastIndexOf('/') + 1)..]);
        var plan = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlanService>().GetAsync(planId, CancellationToken.None));
        Assert.Equal([lounge.TelegramChatId], plan.Chats);
        Assert.Equal([pack.Id], plan.Products);
        Assert.Equal("Members' lounge", plan.Grants.Single(g => g.Kind == PlanGrantKind.Chat).ChatTitle);

        var edit = await PageForms.GetPageAsync(client, planPath);
        Assert.Equal("Subscription (monthly)", edit.QuerySelector("#kind")!.TextContent.Trim());
        Assert.True(edit.QuerySelector($"input[name=GrantChats][value='{lounge.TelegramChatId}']")!.HasAttribute("checked"));
        using var changed = await PostAsync(client, planPath, "#product-form",
            [("Title", "Club"), ("PriceStars", "300"), ("State", "Published"), ("ChannelAccess", "JoinRequest"), ("GrantProducts", pack.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        plan = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlanService>().GetAsync(planId, CancellationToken.None));
        Assert.Equal(ChannelAccessMode.JoinRequest, plan.ChannelAccess);
        Assert.Empty(plan.Chats); // unchecked: no longer granted

        var list = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/products");
        Assert.Equal("Subscription (monthly)", list.QuerySelector($"tr[data-id='{planId}'] .kind")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_storefront_saves_reminder_days_and_grace_hours_and_refuses_out_of_range_values()
    {
        var (tenant, email) = await app.NewStoreAsync("Reminders");
        using var client = await app.SignedInClientAsync(email, tenant);
        var path = $"/stores/{tenant.Slug}/storefront";
        using var saved = await PostAsync(client, path, "#storefront-form",
            [("DisplayName", "Club shop"), ("DefaultLanguage", "en"), ("ButtonTexts[catalog]", "Shop"), ("SubscriptionReminderDays", "5"),
                ("SubscriptionGraceHours", "48")]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", (await PageForms.ParseAsync(saved)).QuerySelectorAll(".field-error")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)));
        var settings = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().StoreSettings.SingleAsync());
        Assert.Equal((5, 48), (settings.SubscriptionReminderDays, settings.SubscriptionGraceHours));

        using var bad = await PostAsync(client, path, "#storefront-form",
            [("DisplayName", "Club shop"), ("DefaultLanguage", "en"), ("ButtonTexts[catalog]", "Shop"), ("SubscriptionReminderDays", "99"),
                ("SubscriptionGraceHours", "many")]);
        var page = await PageForms.ParseAsync(bad);
        Assert.Contains("0 (never) to 14", PageForms.FieldError(page, "SubscriptionReminderDays"), StringComparison.Ordinal);
        Assert.Contains("0 to 168 hours", PageForms.FieldError(page, "SubscriptionGraceHours"), StringComparison.Ordinal);
        settings = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().StoreSettings.AsNoTracking().SingleAsync());
        Assert.Equal((5, 48), (settings.SubscriptionReminderDays, settings.SubscriptionGraceHours));
    }

    [Fact]
    public async Task The_subscriptions_page_shows_figures_the_chart_filtered_subscribers_and_the_access_log_with_restore()
    {
        var (tenant, email) = await app.NewStoreAsync("SubsPage");
        using var client = await app.SignedInClientAsync(email, tenant);
        var (plan, gone) = await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            var plan = await seed.ProductAsync(ProductKind.Subscription, "Club", 120);
            await seed.MembershipAsync(plan, await seed.CustomerAsync("stays"), createdDaysAgo: 12);
            var gone = await seed.MembershipAsync(plan, await seed.CustomerAsync("gone"), createdDaysAgo: 20, expiredDaysAgo: 3);
            await seed.LogAsync(gone, "removed", "Not renewed after the grace");
            return (plan, gone);
        });

        var page = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/subscriptions");
        Assert.Null(page.QuerySelector(".placeholder"));
        var card = page.QuerySelector($"#plan-figures [data-plan='{plan.Id}']")!;
        Assert.Equal("1", card.QuerySelector(".active")!.TextContent.Trim());
        Assert.Equal("120 ⭐", card.QuerySelector(".mrr")!.TextContent.Trim());
        Assert.Equal(SubscriberReader.ChartDays, page.QuerySelectorAll("#active-chart svg circle.point").Length);
        Assert.Equal(2, page.QuerySelectorAll("#subscribers tbody tr").Length);
        Assert.NotNull(page.QuerySelector($"#subscribers tr[data-id='{gone.Id}'] details.confirm form[action*='handler=Restore']"));
        Assert.NotNull(page.QuerySelector("#subscribers details.confirm form[action*='handler=Cancel']"));
        Assert.Equal("removed", page.QuerySelector("#access-log .action")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#access-log form[action*='handler=Restore']"));
        Assert.NotNull(page.QuerySelector("#grant-form"));

        var expired = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/subscriptions?Status=expired");
        Assert.Equal(gone.Id.ToString(), Assert.Single(expired.QuerySelectorAll("#subscribers tbody tr")).GetAttribute("data-id"));
        var found = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/subscriptions?q=stay");
        Assert.Single(found.QuerySelectorAll("#subscribers tbody tr"));

        using var pastDate = await PostAsync(client, $"/stores/{tenant.Slug}/subscriptions", "#grant-form",
            [("GrantCustomer", "@stays"), ("GrantPlanId", plan.Id.ToString()), ("GrantUntil", "2000-01-01")]);
        Assert.Equal(HttpStatusCode.Redirect, pastDate.StatusCode);
        var after = await PageForms.GetPageAsync(client, pastDate.Headers.Location!.OriginalString);
        Assert.Contains("a date after today", after.QuerySelector("#notice.bad")!.TextContent, StringComparison.Ordinal);
        using var stranger = await PostAsync(client, $"/stores/{tenant.Slug}/subscriptions", "#grant-form",
            [("GrantCustomer", "@nobody_here"), ("GrantPlanId", plan.Id.ToString()),
                ("GrantUntil", DateTime.UtcNow.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        var strangerPage = await PageForms.GetPageAsync(client, stranger.Headers.Location!.OriginalString);
        Assert.Contains("not a customer of this store", strangerPage.QuerySelector("#notice.bad")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_subscriptions_page_without_actions_and_their_posts_are_refused()
    {
        var (tenant, _) = await app.NewStoreAsync("StaffSubs");
        var (_, staffEmail) = await app.NewStoreAsync("StaffHome");
        var gone = await app.InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Platform.Core.Identity.PlatformUser>>();
            var staff = await users.FindByEmailAsync(staffEmail);
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.Memberships.Add(new Platform.Core.Tenancy.Membership
            {
                Id = Guid.NewGuid(),
                UserId = staff!.Id,
                Role = Platform.Core.Tenancy.MembershipRole.Staff,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            var seed = new PlanPortalSeed(sp);
            var plan = await seed.ProductAsync(ProductKind.Subscription, "Club");
            await seed.MembershipAsync(plan, await seed.CustomerAsync("stays"), createdDaysAgo: 2);
            return await seed.MembershipAsync(plan, await seed.CustomerAsync("gone"), createdDaysAgo: 9, expiredDaysAgo: 1);
        });
        using var client = await app.SignedInClientAsync(staffEmail, tenant);
        var path = $"/stores/{tenant.Slug}/subscriptions";

        var page = await PageForms.GetPageAsync(client, path);
        Assert.Equal(2, page.QuerySelectorAll("#subscribers tbody tr").Length);
        Assert.Empty(page.QuerySelectorAll("main details.confirm"));
        Assert.Null(page.QuerySelector("#grant-form"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await client.PostAsync($"{path}?handler=Restore", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["id"] = gone.Id.ToString(),
            ["until"] = DateTime.UtcNow.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || location.Contains("/access-denied", StringComparison.Ordinal),
            $"{response.StatusCode} {location}");
    }
}
