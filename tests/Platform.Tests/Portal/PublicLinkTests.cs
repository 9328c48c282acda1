using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>
/// Every link the platform mails is built on <c>Platform:PublicBaseUrl</c>: a request carrying a forged Host header
/// (the test host allows any, as Development does) still mails links to the configured address.
/// </summary>
public sealed class PublicLinkTests(PublicLinkTests.ConfiguredUrlAppFactory app) : IClassFixture<PublicLinkTests.ConfiguredUrlAppFactory>
{
    private const string PublicUrl = "https://starfront.example/";

    [Fact]
    public async Task A_reset_asked_for_with_a_foreign_host_mails_a_link_on_the_configured_host()
    {
        var email = PortalClient.UniqueEmail("victim");
        await app.SignUpStoreAsync("Victim Goods", email, PortalClient.Password);
        using var attacker = new PortalClient(app);
        attacker.Http.DefaultRequestHeaders.Host = "evil.example";

        using var response = await attacker.SubmitAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var body = await LatestEmailBodyToAsync(email);
        Assert.Contains(PublicUrl + "reset-password?email=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_invitation_sent_through_a_foreign_host_links_to_the_configured_host()
    {
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Hosted Goods", PortalClient.UniqueEmail("owner"));
        owner.Http.DefaultRequestHeaders.Host = "evil.example";
        var invitee = PortalClient.UniqueEmail("invitee");

        var shown = await owner.InviteAsync(slug, invitee);

        Assert.StartsWith($"{PublicUrl}invite/{slug}/", shown, StringComparison.Ordinal);
        var body = await LatestEmailBodyToAsync(invitee);
        Assert.Contains(shown, body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> LatestEmailBodyToAsync(string to)
    {
        await using var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        var message = await reader.EmailMessages.Where(m => m.To == to).OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync();
        Assert.NotNull(message);
        return message.Body;
    }

    public sealed class ConfiguredUrlAppFactory : PlatformAppFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Platform:PublicBaseUrl"] = PublicUrl;
        }
    }
}
