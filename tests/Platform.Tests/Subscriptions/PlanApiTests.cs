using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Tests.Merchant;
using Platform.Web.Identity;

namespace Platform.Tests.Subscriptions;

/// <summary><c>/api/v1/products</c> with kind subscription and its <c>grants</c>, and <c>/api/v1/subscriptions</c>, with a real token.</summary>
public sealed class PlanApiTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    private async Task<(TenantInfo Tenant, HttpClient Http)> StoreWithTokenAsync(string name)
    {
        var (tenant, email) = await app.NewStoreAsync(name);
        var ownerId = await app.InTenantAsync(tenant, async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>().FindByEmailAsync(email))!.Id);
        var client = await app.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<ApiClientService>().CreateAsync("Back office", ownerId, CancellationToken.None));
        var http = app.CreateHttpClient();
        using var tokenResponse = await http.PostAsync(StarfrontOidc.TokenPath.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.Value!.Client.ClientId,
            ["client_secret"] = client.Value.ClientSecret,
            ["scope"] = "api",
        }));
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (tenant, http);
    }

    private Task<int> PlanRowsAsync(TenantInfo tenant) => app.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        return await db.Products.CountAsync(p => p.Kind == ProductKind.Subscription) + await db.SubscriptionPlans.CountAsync()
            + await db.PlanGrants.CountAsync();
    });

    [Fact]
    public async Task A_subscription_plan_is_created_with_its_chats_products_and_access_mode_and_patched_later()
    {
        var (tenant, http) = await StoreWithTokenAsync("PlanApi");
        var (lounge, group, ebook) = await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            return (await seed.ChatAsync("Members' lounge"), await seed.ChatAsync("Chat group", type: "supergroup"),
                await seed.ProductAsync(ProductKind.Text, "Welcome pack"));
        });

        using var created = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "subscription",
            title = "Club",
            priceStars = 300,
            state = "published",
            grants = new { chats = new[] { lounge.TelegramChatId }, products = new[] { ebook.Id }, channelAccess = "join_request" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("subscription", plan.GetProperty("kind").GetString());
        var grants = plan.GetProperty("grants");
        Assert.Equal("join_request", grants.GetProperty("channelAccess").GetString());
        Assert.Equal(lounge.TelegramChatId, grants.GetProperty("chats")[0].GetProperty("id").GetInt64());
        Assert.Equal("Members' lounge", grants.GetProperty("chats")[0].GetProperty("title").GetString());
        Assert.Equal(ebook.Id, grants.GetProperty("products")[0].GetGuid());

        var id = plan.GetProperty("id").GetGuid();
        using var patched = await http.PatchAsJsonAsync($"api/v1/products/{id}", new
        {
            grants = new { chats = new[] { lounge.TelegramChatId, group.TelegramChatId }, channelAccess = "personal_link" },
        });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var again = (await (await http.GetAsync($"api/v1/products/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grants");
        Assert.Equal("personal_link", again.GetProperty("channelAccess").GetString());
        Assert.Equal(2, again.GetProperty("chats").GetArrayLength());
        Assert.Equal(ebook.Id, again.GetProperty("products")[0].GetGuid()); // absent products stay as they were

        var list = await (await http.GetAsync("api/v1/products")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, list.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == ebook.Id).GetProperty("grants").ValueKind);
    }

    [Fact]
    public async Task A_chat_where_the_bot_lacks_rights_is_refused_with_what_is_missing_and_nothing_is_saved()
    {
        var (tenant, http) = await StoreWithTokenAsync("PlanRights");
        var (noAdmin, noBan, group) = await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            return (await seed.ChatAsync("Not admin", admin: false), await seed.ChatAsync("No ban", restrict: false),
                await seed.ChatAsync("A group", type: "supergroup"));
        });

        using var refused = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "subscription",
            title = "Club",
            priceStars = 300,
            grants = new { chats = new[] { noAdmin.TelegramChatId, noBan.TelegramChatId } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("grants.chats");
        var messages = errors.EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("Not admin", StringComparison.Ordinal)
            && m.Contains("Make the bot an administrator", StringComparison.Ordinal));
        Assert.Contains(messages, m => m!.Contains("No ban", StringComparison.Ordinal) && m.Contains("Allow it to ban users", StringComparison.Ordinal));

        using var groupLink = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "subscription",
            title = "Club",
            priceStars = 300,
            grants = new { chats = new[] { group.TelegramChatId }, channelAccess = "telegram_subscription_link" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, groupLink.StatusCode);
        Assert.Contains("only for channels", await groupLink.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "subscription",
            title = "Club",
            priceStars = 300,
            grants = new { chats = new[] { -1009999L }, products = new[] { Guid.NewGuid() } },
        });
        var unknownErrors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(unknownErrors.TryGetProperty("grants.chats", out _));
        Assert.True(unknownErrors.TryGetProperty("grants.products", out _));
        Assert.Equal(0, await PlanRowsAsync(tenant));
    }

    [Fact]
    public async Task A_price_above_10000_stars_bad_text_or_an_unknown_access_mode_is_a_400_and_nothing_changes()
    {
        var (tenant, http) = await StoreWithTokenAsync("PlanBad");
        var chat = await app.InTenantAsync(tenant, sp => new PlanPortalSeed(sp).ChatAsync("Lounge"));

        using var tooDear = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "subscription",
            title = "Club",
            priceStars = 10_001,
            grants = new { chats = new[] { chat.TelegramChatId } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooDear.StatusCode);
        Assert.True((await tooDear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("priceStars", out _));

        using var badMode = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "subscription",
            title = "Club",
            priceStars = 10,
            grants = new { channelAccess = "carrier_pigeon" },
        });
        Assert.True((await badMode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("grants.channelAccess", out _));

        foreach (var text in new[] { "\\u0000", "\\ud800" })
        {
            using var forbidden = await http.PostAsync("api/v1/products", new StringContent(
                """{"kind":"subscription","title":"Club","priceStars":10,"grants":{"channelAccess":"personal""" + text + "\"}}", Encoding.UTF8,
                "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, forbidden.StatusCode);
            Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);
        }

        using var emptyPublished = await http.PostAsJsonAsync("api/v1/products",
            new { kind = "subscription", title = "Club", priceStars = 10, state = "published" });
        Assert.Contains("grants something", await emptyPublished.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var grantsOnAFile = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "text",
            title = "Note",
            priceStars = 10,
            textContent = "hi",
            grants = new { chats = new[] { chat.TelegramChatId } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, grantsOnAFile.StatusCode);
        Assert.Equal(0, await PlanRowsAsync(tenant));
        Assert.Empty(await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ProductService>().ListAsync(null, CancellationToken.None)));
    }

    [Fact]
    public async Task Subscribers_are_listed_by_the_api_with_a_status_filter()
    {
        var (tenant, http) = await StoreWithTokenAsync("SubsApi");
        await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            var plan = await seed.ProductAsync(ProductKind.Subscription, "Club");
            await seed.MembershipAsync(plan, await seed.CustomerAsync("alice"), createdDaysAgo: 3);
            return await seed.MembershipAsync(plan, await seed.CustomerAsync("bert"), createdDaysAgo: 9, expiredDaysAgo: 2);
        });

        var all = await (await http.GetAsync("api/v1/subscriptions")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var expired = await (await http.GetAsync("api/v1/subscriptions?status=expired")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bert", expired.GetProperty("items")[0].GetProperty("username").GetString());
        Assert.Equal("stars", expired.GetProperty("items")[0].GetProperty("source").GetString());
        using var bad = await http.GetAsync("api/v1/subscriptions?status=paused");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
