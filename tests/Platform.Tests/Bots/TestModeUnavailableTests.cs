using System.Net;
using Platform.Tests.Infrastructure;
using Platform.Tests.Portal;

namespace Platform.Tests.Bots;

/// <summary>Where the platform talks to live Telegram (no sandbox), test mode is not offered and its action answers 404.</summary>
public sealed class TestModeUnavailableTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task Without_a_sandbox_the_Bots_page_offers_no_test_mode_and_its_action_answers_404()
    {
        using var owner = new PortalClient(app);
        var slug = await owner.SignUpAsync("Live Only", PortalClient.UniqueEmail("live"));
        var (status, page) = await owner.GetAsync($"/stores/{slug}/bots");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("#test-mode"));
        Assert.DoesNotContain("Try your store in test mode", page.Source.Text, StringComparison.Ordinal);

        var (_, explained) = await owner.GetAsync($"/stores/{slug}/bots/test-mode");
        Assert.Contains("does not run", explained.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // With a valid antiforgery token (from the Bots page's form), so only the missing sandbox can refuse it.
        var antiforgery = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var action = await owner.Http.PostAsync($"/stores/{slug}/bots/test-mode",
            new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        Assert.Equal(HttpStatusCode.NotFound, action.StatusCode);
    }
}
