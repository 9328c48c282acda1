using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;

namespace Platform.Tests.Webhooks;

/// <summary>Tenant A never sees tenant B's endpoints, events or deliveries, through the API or the portal; bad input is a 4xx.</summary>
public sealed partial class WebhookIsolationTests(WebhookAppFactory app) : IClassFixture<WebhookAppFactory>
{
    private static readonly string[] OrderPaid = ["order.paid"];
    private static readonly string[] UnknownEventType = ["order.exploded"];

    [Fact]
    public async Task Tenant_A_never_sees_tenant_B_endpoints_events_or_deliveries_through_the_api()
    {
        var (a, aEmail) = await app.NewStoreAsync("Alpha");
        var (b, _) = await app.NewStoreAsync("Bravo");
        var (bEndpoint, _) = await app.CreateEndpointAsync(b, "http://127.0.0.1:9/bravo");
        var bEvent = await app.EmitAsync(b);
        await app.PumpAsync(b);
        var bDelivery = (await app.DeliveryAsync(b, bEvent)).Id;
        using var client = await app.ApiClientAsync(a, aEmail);

        var created = await client.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/alpha", eventTypes = OrderPaid });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await client.GetStringAsync("/api/v1/webhook-endpoints");
        Assert.Contains("/alpha", list);
        Assert.DoesNotContain("/bravo", list);
        Assert.DoesNotContain(bEndpoint.Id.ToString(), list);

        var bPath = $"/api/v1/webhook-endpoints/{bEndpoint.Id}";
        foreach (var response in new[]
        {
            await client.GetAsync(bPath),
            await client.GetAsync(bPath + "/deliveries"),
            await client.GetAsync($"{bPath}/deliveries/{bDelivery}"),
            await client.PostAsync($"{bPath}/deliveries/{bDelivery}/retry", null),
            await client.PostAsJsonAsync(bPath + "/replay", new { from = DateTimeOffset.UtcNow.AddDays(-1), to = DateTimeOffset.UtcNow.AddDays(1) }),
            await client.PostAsync(bPath + "/rotate-secret", null),
            await client.PostAsync(bPath + "/test", null),
            await client.PutAsJsonAsync(bPath, new { url = "http://127.0.0.1:9/hijack" }),
            await client.DeleteAsync(bPath),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var untouched = await app.EndpointAsync(b, bEndpoint.Id);
        Assert.Equal("http://127.0.0.1:9/bravo", untouched.Url);
        Assert.Null(untouched.ProtectedPreviousSecret);
        Assert.Equal(1, await app.InTenantAsync(b, db => db.OutboxEvents.CountAsync()));
    }

    [Fact]
    public async Task Tenant_A_never_sees_tenant_B_endpoints_or_deliveries_through_the_portal()
    {
        var (a, aEmail) = await app.NewStoreAsync("Charlie");
        var (b, _) = await app.NewStoreAsync("Delta");
        var (bEndpoint, _) = await app.CreateEndpointAsync(b, "http://127.0.0.1:9/delta");
        using var client = await app.SignedInClientAsync(aEmail, a);

        var own = await client.GetStringAsync($"/stores/{a.Slug}/webhooks");
        Assert.DoesNotContain("/delta", own);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/stores/{a.Slug}/webhooks/{bEndpoint.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/stores/{b.Slug}/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/stores/{b.Slug}/webhooks/{bEndpoint.Id}")).StatusCode);

        var token = await AntiforgeryTokenAsync(client, $"/stores/{a.Slug}/webhooks");
        var rotate = await client.PostAsync($"/stores/{a.Slug}/webhooks/{bEndpoint.Id}?handler=Rotate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
        Assert.Null((await app.EndpointAsync(b, bEndpoint.Id)).ProtectedPreviousSecret);
    }

    [Fact]
    public async Task The_portal_creates_an_endpoint_and_shows_its_secret_once()
    {
        var (store, email) = await app.NewStoreAsync("Echo");
        using var client = await app.SignedInClientAsync(email, store);
        var page = $"/stores/{store.Slug}/webhooks";
        var token = await AntiforgeryTokenAsync(client, page);

        var invalid = await client.PostAsync(page + "?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["EndpointUrl"] = "not a url",
        }));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Enter an absolute https:// URL", await invalid.Content.ReadAsStringAsync());

        var created = await client.PostAsync(page + "?handler=Create", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("EndpointUrl", "http://127.0.0.1:9/echo"),
            new("Description", "CRM"), new("EventTypes", EventTypes.OrderPaid), new("EventTypes", EventTypes.OrderRefunded),
        ]));
        var html = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        Assert.Matches("whsec_[A-Za-z0-9+/]{43}=", html);

        var again = await client.GetStringAsync(page);
        Assert.Contains("/echo", again);
        Assert.DoesNotContain("whsec_", again);
        var endpoint = await app.InTenantAsync(store, db => db.WebhookEndpoints.SingleAsync());
        Assert.Equal([EventTypes.OrderPaid, EventTypes.OrderRefunded], endpoint.EventTypes);
        Assert.DoesNotContain("whsec_", endpoint.ProtectedSecret); // encrypted at rest

        var detail = $"/stores/{store.Slug}/webhooks/{endpoint.Id}";
        var edit = await client.PostAsync(detail + "?handler=Update", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await AntiforgeryTokenAsync(client, detail)), new("EditUrl", "http://127.0.0.1:9/echo2"),
            new("EditDescription", "CRM v2"), new("EditEventTypes", EventTypes.ProductSoldOut),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var edited = await app.EndpointAsync(store, endpoint.Id);
        Assert.Equal(("http://127.0.0.1:9/echo2", "CRM v2"), (edited.Url, edited.Description));
        Assert.Equal([EventTypes.ProductSoldOut], edited.EventTypes);
    }

    [Fact]
    public async Task Bad_api_input_is_a_problem_details_400_never_a_500()
    {
        var (store, email) = await app.NewStoreAsync("Foxtrot");
        using var client = await app.ApiClientAsync(store, email);

        var badUrl = await client.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "ftp://x" });
        Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
        using (var problem = JsonDocument.Parse(await badUrl.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("Url", out _));
        }

        var badType = await client.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/x", eventTypes = UnknownEventType });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);

        var malformed = await client.PostAsync("/api/v1/webhook-endpoints", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var badStatus = await client.GetAsync($"/api/v1/webhook-endpoints/{Guid.NewGuid()}/deliveries?status=weird");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        var badRange = await client.PostAsJsonAsync($"/api/v1/webhook-endpoints/{Guid.NewGuid()}/replay",
            new { from = "2026-01-02T00:00:00Z", to = "2026-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
    }

    [Fact]
    public async Task Staff_members_cannot_open_the_webhook_pages()
    {
        var (store, _) = await app.NewStoreAsync("Golf");
        var staffEmail = $"staff-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.CreateTenantScope(store))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var staff = new PlatformUser { Id = Guid.CreateVersion7(), UserName = staffEmail, Email = staffEmail };
            Assert.True((await users.CreateAsync(staff, WebhookAppFactory.Password)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), UserId = staff.Id, Role = MembershipRole.Staff });
            await db.SaveChangesAsync();
        }

        using var client = await app.SignedInClientAsync(staffEmail, store);
        var response = await client.GetAsync($"/stores/{store.Slug}/webhooks");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.ToString());
    }

    internal static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
