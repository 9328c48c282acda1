using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

public sealed class AdminAccessTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task An_anonymous_visitor_gets_not_found_from_admin_not_a_login_redirect()
    {
        using var visitor = new PortalClient(app);
        using var response = await visitor.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_store_owner_who_is_not_a_platform_admin_gets_not_found_from_admin()
    {
        using var merchant = new PortalClient(app);
        await merchant.SignUpAsync("Not An Admin", PortalClient.UniqueEmail("merchant"));
        using var response = await merchant.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.GetAsync("/admin/stores")).Status);
    }

    [Fact]
    public async Task A_signed_in_user_working_in_one_store_is_refused_another_stores_pages()
    {
        using var merchant = new PortalClient(app);
        await merchant.SignUpAsync("Own Store", PortalClient.UniqueEmail("own"));
        var other = (await app.SignUpStoreAsync("Other Store", PortalClient.UniqueEmail("other"), PortalClient.Password)).Tenant!;
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.GetAsync($"/stores/{other.Slug}/team")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.GetAsync("/stores/no-such-store-here")).Status);
    }
}
