using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

public sealed class PasswordResetTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task A_reset_link_from_the_mail_outbox_sets_a_new_password()
    {
        var email = PortalClient.UniqueEmail("forgetful");
        var store = (await app.SignUpStoreAsync("Forgetful Goods", email, PortalClient.Password)).Tenant!;
        using var person = new PortalClient(app);

        var sent = await AskForResetAsync(person, email);
        Assert.NotNull(sent.QuerySelector("#reset-sent"));

        var link = await LatestLinkToAsync(person, email);
        Assert.StartsWith(app.BaseAddress + "reset-password?email=", link);
        using var reset = await person.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Password"] = "brand-new-secret-42",
            ["ConfirmPassword"] = "brand-new-secret-42",
        });
        Assert.NotNull((await PortalClient.ParseAsync(reset)).QuerySelector("#reset-done"));

        using var oldPassword = await person.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await person.LoginAsync(email, "brand-new-secret-42");
        Assert.Equal($"/stores/{store.Slug}", newPassword.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Asking_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var email = PortalClient.UniqueEmail("stranger");
        using var person = new PortalClient(app);

        var page = await AskForResetAsync(person, email);
        Assert.NotNull(page.QuerySelector("#reset-sent"));
        await using var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        Assert.False(await reader.EmailMessages.AnyAsync(m => m.To == email));
    }

    [Fact]
    public async Task A_tampered_reset_token_changes_nothing()
    {
        var email = PortalClient.UniqueEmail("target");
        await app.SignUpStoreAsync("Target Store", email, PortalClient.Password);
        using var attacker = new PortalClient(app);

        using var response = await attacker.SubmitAsync($"/reset-password?email={Uri.EscapeDataString(email)}&token=bm90LWEtdG9rZW4",
            new Dictionary<string, string> { ["Password"] = "attacker-chosen-77", ["ConfirmPassword"] = "attacker-chosen-77" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("invalid or has expired", PortalClient.FieldError(await PortalClient.ParseAsync(response), ""));
        using var login = await attacker.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    private static async Task<AngleSharp.Dom.IDocument> AskForResetAsync(PortalClient person, string email)
    {
        using var response = await person.SubmitAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(response);
    }

    private static async Task<string> LatestLinkToAsync(PortalClient person, string email)
    {
        var (status, outbox) = await person.GetAsync("/dev/emails");
        Assert.Equal(HttpStatusCode.OK, status);
        var message = outbox.QuerySelectorAll("article.email").First(a => a.GetAttribute("data-to") == email);
        return message.QuerySelector("a.email-link")!.GetAttribute("href")!;
    }
}
