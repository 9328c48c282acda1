using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Accounts;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

public sealed class TeamTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task An_invited_person_joins_as_staff_by_creating_an_account_from_the_link()
    {
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Invite Works", PortalClient.UniqueEmail("owner"));
        var staffEmail = PortalClient.UniqueEmail("staff");
        var link = await owner.InviteAsync(slug, staffEmail);
        Assert.StartsWith($"{app.BaseAddress}invite/{slug}/", link);

        await using (var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader())
        {
            var email = await reader.EmailMessages.SingleAsync(m => m.To == staffEmail);
            Assert.Contains(link, email.Body);
            var token = link[(link.LastIndexOf('/') + 1)..];
            var stored = await reader.Invitations.Where(i => i.Email == staffEmail).Select(i => i.TokenHash).SingleAsync();
            Assert.Equal(InvitationToken.Hash(token), stored); // only the hash is kept
        }

        using var staff = new PortalClient(app);
        var (_, invite) = await staff.GetAsync(link);
        Assert.Equal("Invite Works", invite.QuerySelector("#invite-store")!.TextContent);
        Assert.Equal("Staff", invite.QuerySelector("#invite-role")!.TextContent);
        Assert.Equal(staffEmail, invite.QuerySelector("input#Email")!.GetAttribute("value"));

        using var joined = await staff.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = PortalClient.Password },
            "form[action*='handler=Create']");
        Assert.Equal($"/stores/{slug}", joined.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/stores/{slug}")).Status);

        var (_, team) = await owner.GetAsync($"/stores/{slug}/team");
        Assert.Equal("Staff", team.QuerySelector($"#members tr[data-email='{staffEmail}'] .role")!.TextContent);
    }

    [Fact]
    public async Task A_used_unknown_or_expired_invitation_link_shows_a_friendly_message_and_changes_nothing()
    {
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Single Use", PortalClient.UniqueEmail("owner"));
        var used = await owner.InviteAsync(slug, PortalClient.UniqueEmail("first"));
        using (var first = new PortalClient(app))
        {
            await first.SubmitAsync(used, new Dictionary<string, string> { ["Password"] = PortalClient.Password }, "form[action*='handler=Create']");
        }

        var expired = await owner.InviteAsync(slug, PortalClient.UniqueEmail("late"));
        var store = (await app.Services.GetRequiredService<ITenantStore>().FindBySlugAsync(slug, CancellationToken.None))!;
        await using (var scope = app.CreateTenantScope(store))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Invitations.Where(i => i.AcceptedAt == null).ExecuteUpdateAsync(s =>
                s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var unknown = $"/invite/{slug}/{new string('A', 43)}";
        var membersBefore = await MemberCountAsync(store);
        foreach (var link in new[] { used, expired, unknown, $"/invite/no-such-store/{new string('A', 43)}", $"/invite/{slug}/short" })
        {
            using var stranger = new PortalClient(app);
            var (status, page) = await stranger.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(page.QuerySelector("#invite-invalid"));
        }

        using var latecomer = new PortalClient(app);
        using var refused = await latecomer.Http.PostAsync(expired, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // no antiforgery token: not even looked at
        Assert.Equal(membersBefore, await MemberCountAsync(store));
    }

    [Fact]
    public async Task Someone_with_an_account_logs_in_from_the_invitation_and_comes_back_to_join()
    {
        var email = PortalClient.UniqueEmail("existing");
        var ownStore = (await app.SignUpStoreAsync("Their Own Shop", email, PortalClient.Password)).Tenant!;
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Welcoming", PortalClient.UniqueEmail("owner"));
        var link = await owner.InviteAsync(slug, email, "Owner");

        using var person = new PortalClient(app);
        var (_, invite) = await person.GetAsync(link);
        var loginLink = invite.QuerySelector("#invite-login")!.GetAttribute("href")!;
        using var login = await person.SubmitAsync(loginLink, new Dictionary<string, string> { ["Email"] = email, ["Password"] = PortalClient.Password });
        Assert.Equal(new Uri(link).AbsolutePath, login.Headers.Location!.OriginalString);

        using var joined = await person.SubmitAsync(link, new Dictionary<string, string>(), "form[action*='handler=Join']");
        Assert.Equal($"/stores/{slug}", joined.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/stores/{slug}/team")).Status); // joined as owner
        var switcher = (await person.GetAsync($"/stores/{slug}")).Page.QuerySelectorAll("form.store-switcher option").Select(o => o.GetAttribute("value"));
        Assert.Equal([ownStore.Slug, slug], switcher);
    }

    [Fact]
    public async Task Staff_are_refused_the_owner_only_pages()
    {
        var (slug, staff, _) = await StoreWithStaffAsync("Owner Only");
        foreach (var area in new[] { "team", "webhooks" })
        {
            using var response = await staff.Http.GetAsync($"/stores/{slug}/{area}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery());
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(response.Headers.Location!.PathAndQuery())).Status);
        }

        var (_, dashboard) = await staff.GetAsync($"/stores/{slug}");
        Assert.Null(dashboard.QuerySelector($"nav.portal-nav a[href='/stores/{slug}/team']"));
    }

    [Fact]
    public async Task A_removed_member_loses_access_at_once()
    {
        var (slug, staff, owner) = await StoreWithStaffAsync("Removal");
        var (_, team) = await owner.GetAsync($"/stores/{slug}/team");
        var row = team.QuerySelectorAll("#members tr[data-email]").Single(r => r.QuerySelector(".role")!.TextContent == "Staff");
        var membershipId = row.QuerySelector("input[name=membershipId]")!.GetAttribute("value")!;

        using var removed = await owner.SubmitAsync($"/stores/{slug}/team", new Dictionary<string, string> { ["membershipId"] = membershipId },
            "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using var after = await staff.Http.GetAsync($"/stores/{slug}");
        Assert.StartsWith("/access-denied", after.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed()
    {
        var result = await app.SignUpStoreAsync("Lonely Owner", PortalClient.UniqueEmail("owner"), PortalClient.Password);
        await using var scope = app.CreateTenantScope(result.Tenant!);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ownerMembership = await db.Memberships.SingleAsync();

        var error = await scope.ServiceProvider.GetRequiredService<TeamService>().RemoveMemberAsync(ownerMembership.Id, Guid.NewGuid(), CancellationToken.None);
        Assert.Equal("A store needs at least one owner.", error);
        Assert.Equal(1, await db.Memberships.CountAsync());
    }

    [Fact]
    public async Task A_revoked_invitation_link_no_longer_works()
    {
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Revoker", PortalClient.UniqueEmail("owner"));
        var email = PortalClient.UniqueEmail("changed-mind");
        var link = await owner.InviteAsync(slug, email);
        var (_, team) = await owner.GetAsync($"/stores/{slug}/team");
        var id = team.QuerySelector($"#invitations tr[data-email='{email}'] input[name=invitationId]")!.GetAttribute("value")!;

        using var revoked = await owner.SubmitAsync($"/stores/{slug}/team", new Dictionary<string, string> { ["invitationId"] = id },
            "form[action*='handler=Revoke']");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var invitee = new PortalClient(app);
        Assert.NotNull((await invitee.GetAsync(link)).Page.QuerySelector("#invite-invalid"));
    }

    [Fact]
    public async Task Inviting_an_existing_member_or_a_malformed_address_is_explained_next_to_the_field()
    {
        var ownerEmail = PortalClient.UniqueEmail("owner");
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Careful Inviter", ownerEmail);
        foreach (var (email, expected) in new[] { (ownerEmail, "already a member"), ("nope", "does not look like an email"), ("", "Enter the email") })
        {
            using var response = await owner.SubmitAsync($"/stores/{slug}/team",
                new Dictionary<string, string> { ["Email"] = email, ["Role"] = "Staff" }, "form[action*='handler=Invite']");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await PortalClient.ParseAsync(response);
            Assert.Contains(expected, PortalClient.FieldError(page, "Email"));
            Assert.Null(page.QuerySelector("#invite-link"));
        }
    }

    private async Task<(string Slug, PortalClient Staff, PortalClient Owner)> StoreWithStaffAsync(string name)
    {
        var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync(name, PortalClient.UniqueEmail("owner"));
        var link = await owner.InviteAsync(slug, PortalClient.UniqueEmail("staff"));
        var staff = new PortalClient(app);
        using var joined = await staff.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = PortalClient.Password },
            "form[action*='handler=Create']");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        return (slug, staff, owner);
    }

    private async Task<int> MemberCountAsync(TenantInfo store)
    {
        await using var scope = app.CreateTenantScope(store);
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Memberships.CountAsync();
    }
}
