using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Tests.Identity;

namespace Platform.Tests.Api;

/// <summary>
/// Bots and refunds are owner-only on the API as on the portal: a staff member's own token (authorization code flow)
/// gets 403, an owner's gets through. Client-credentials tokens act for the owner (only owners create clients).
/// </summary>
public sealed class OwnerOnlyApiTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    [Fact]
    public async Task A_staff_members_token_cannot_manage_bots_or_refund_orders_but_an_owners_can()
    {
        var (store, _, ownerEmail) = await app.NewStoreAsync("OwnerOnly");
        var staffEmail = await AddStaffAsync(store);
        using var staff = await ApiClientAsync(staffEmail, store);
        using var owner = await ApiClientAsync(ownerEmail, store);

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("api/v1/store")).StatusCode); // staff may use the API otherwise
        var forbidden = await BotsApiTests.AssertProblemAsync(await staff.GetAsync("api/v1/bots"), HttpStatusCode.Forbidden);
        Assert.Equal("Owners only", forbidden.GetProperty("title").GetString());
        await BotsApiTests.AssertProblemAsync(await staff.PostAsJsonAsync("api/v1/bots", new { token = "1:x" }), HttpStatusCode.Forbidden);
        await BotsApiTests.AssertProblemAsync(await staff.DeleteAsync($"api/v1/bots/{Guid.NewGuid()}"), HttpStatusCode.Forbidden);
        await BotsApiTests.AssertProblemAsync(await staff.PostAsync($"api/v1/orders/{Guid.NewGuid()}/refund", null), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("api/v1/bots")).StatusCode);
        await BotsApiTests.AssertProblemAsync(await owner.PostAsync($"api/v1/orders/{Guid.NewGuid()}/refund", null), HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> ApiClientAsync(string email, TenantInfo store)
    {
        var token = await UserAccessTokens.ForAsync(app, email, store);
        var http = app.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private async Task<string> AddStaffAsync(TenantInfo store)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.test";
        await using var scope = app.CreateTenantScope(store);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var staff = new PlatformUser { Id = Guid.CreateVersion7(), UserName = email, Email = email };
        Assert.True((await users.CreateAsync(staff, OidcAppFactory.Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), UserId = staff.Id, Role = MembershipRole.Staff });
        await db.SaveChangesAsync();
        return email;
    }
}
