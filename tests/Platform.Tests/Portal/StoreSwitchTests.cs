using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>One person, two stores: owner of A, staff of B.</summary>
public sealed class StoreSwitchTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task A_member_of_two_stores_works_in_one_at_a_time_and_switches_between_them()
    {
        var (person, storeA, storeB) = await OwnerOfAStaffOfBAsync();
        using var _ = person;
        using (var toA = await person.SwitchStoreAsync(storeB, storeA))
        {
            Assert.Equal($"/stores/{storeA}", toA.Headers.Location!.OriginalString);
        }

        var (_, dashboardA) = await person.GetAsync($"/stores/{storeA}");
        var options = dashboardA.QuerySelectorAll("form.store-switcher option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([storeA, storeB], options);

        using (var refused = await person.Http.GetAsync($"/stores/{storeB}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var switched = await person.SwitchStoreAsync(storeA, storeB);
        Assert.Equal($"/stores/{storeB}", switched.Headers.Location!.OriginalString);
        var (status, dashboardB) = await person.GetAsync($"/stores/{storeB}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(storeB, dashboardB.QuerySelector("#store-slug")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/stores/{storeA}")).Status);

        using var back = await person.SwitchStoreAsync(storeB, storeA);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/stores/{storeA}/team")).Status);
    }

    [Fact]
    public async Task Switching_to_a_store_the_user_does_not_belong_to_is_refused()
    {
        using var outsider = new PortalClient(app);
        var own = await outsider.SignUpAsync("Outsider Shop", PortalClient.UniqueEmail("outsider"));
        var foreign = (await app.SignUpStoreAsync("Fortress", PortalClient.UniqueEmail("fortress"), PortalClient.Password)).Tenant!.Slug;

        using var response = await outsider.SubmitAsync("/stores/switch", new Dictionary<string, string> { ["Slug"] = foreign }, "main form");
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/stores/{foreign}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/stores/{own}")).Status);
    }

    [Fact]
    public async Task Accepting_an_invitation_while_signed_in_to_another_store_joins_and_switches_to_it()
    {
        var (person, storeA, storeB) = await OwnerOfAStaffOfBAsync();
        using var _ = person;
        var (status, page) = await person.GetAsync($"/stores/{storeB}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bravo Goods", page.QuerySelector("#current-store")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("form.store-switcher option").Length);
        Assert.Null(page.QuerySelector($"nav.portal-nav a[href='/stores/{storeB}/team']")); // staff there
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/stores/{storeA}")).Status);
    }

    [Fact]
    public async Task Login_opens_the_store_used_last()
    {
        var (person, _, storeB) = await OwnerOfAStaffOfBAsync();
        using var __ = person;
        var email = (await person.GetAsync($"/stores/{storeB}")).Page.QuerySelector(".user-email")!.TextContent;
        await person.LogoutAsync();

        using var login = await person.LoginAsync(email);
        Assert.Equal($"/stores/{storeB}", login.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// Signs up store A, gets invited to B by B's owner and accepts with "Join" while working in A;
    /// returns working in B (joining switches). Login would default to A, the older membership.
    /// </summary>
    private async Task<(PortalClient Person, string StoreA, string StoreB)> OwnerOfAStaffOfBAsync()
    {
        var person = new PortalClient(app);
        var email = PortalClient.UniqueEmail("multi");
        var storeA = await person.SignUpAsync("Alpha Goods", email);

        using var ownerOfB = new PortalClient(app);
        var storeB = await ownerOfB.SignUpAsync("Bravo Goods", PortalClient.UniqueEmail("bravo"));
        var link = await ownerOfB.InviteAsync(storeB, email);

        using var joined = await person.SubmitAsync(link, new Dictionary<string, string>(), "form[action*='handler=Join']");
        Assert.Equal($"/stores/{storeB}", joined.Headers.Location!.OriginalString);
        return (person, storeA, storeB);
    }
}
