using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>Bad input gets a 200 re-render with a message next to the field — never a 500 — and creates nothing.</summary>
public sealed class SignupValidationTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task A_duplicate_email_is_reported_next_to_the_email_field_and_creates_no_store()
    {
        var email = PortalClient.UniqueEmail("taken");
        await app.SignUpStoreAsync("First Store", email, PortalClient.Password);

        var page = await SubmitRejectedAsync("Second Store", email, PortalClient.Password, "");
        Assert.Contains("already taken", PortalClient.FieldError(page, "Email"));
        Assert.Equal(0, await CountStoresNamedAsync("Second Store"));
    }

    [Fact]
    public async Task A_taken_store_address_is_reported_next_to_the_address_field()
    {
        var slug = "taken-" + Guid.NewGuid().ToString("N")[..8];
        await app.SignUpStoreAsync("Holder", PortalClient.UniqueEmail("holder"), PortalClient.Password, slug);
        var email = PortalClient.UniqueEmail("late");

        var page = await SubmitRejectedAsync("Latecomer", email, PortalClient.Password, slug);
        Assert.Equal("That store address is already taken.", PortalClient.FieldError(page, "Slug"));
        Assert.Equal(0, await CountStoresNamedAsync("Latecomer"));
    }

    [Fact]
    public async Task A_weak_password_is_reported_next_to_the_password_field_and_creates_nothing()
    {
        var email = PortalClient.UniqueEmail("weak");
        var page = await SubmitRejectedAsync("Weakling", email, "short", "");
        Assert.NotEmpty(PortalClient.FieldError(page, "Password"));
        Assert.Equal(0, await CountStoresNamedAsync("Weakling"));
        await using var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        var normalizedEmail = email.ToUpperInvariant();
        Assert.False(await reader.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail));
    }

    [Theory]
    [InlineData("StoreName", "", "owner@example.test", "Give your store a name")]
    [InlineData("StoreName", "x", "owner@example.test", "under 100")]
    [InlineData("Email", "Fine Store", "", "Enter your email")]
    [InlineData("Email", "Fine Store", "not-an-email", "does not look like an email")]
    [InlineData("Email", "Fine Store", "long", "under 256")]
    [InlineData("Slug", "Fine Store", "owner@example.test", "Store address may use")]
    public async Task Missing_malformed_or_overlong_fields_are_explained_next_to_the_field(string field, string name, string email, string expected)
    {
        name = field == "StoreName" && name == "x" ? new string('x', 101) : name;
        email = email == "long" ? new string('a', 250) + "@example.test" : email.Replace("owner@", $"owner-{Guid.NewGuid():N}@", StringComparison.Ordinal);
        var slug = field == "Slug" ? "Not A Valid Address!" : "";

        var page = await SubmitRejectedAsync(name, email, PortalClient.Password, slug);
        Assert.Contains(expected, PortalClient.FieldError(page, field));
        Assert.NotNull(page.QuerySelector($"label[for='{field}']"));
    }

    [Fact]
    public async Task Every_problem_is_shown_in_one_round_trip()
    {
        var page = await SubmitRejectedAsync("", "not-an-email", "short", "");
        Assert.NotEmpty(PortalClient.FieldError(page, "StoreName"));
        Assert.NotEmpty(PortalClient.FieldError(page, "Email"));
        Assert.Contains("at least 10", PortalClient.FieldError(page, "Password"));
    }

    [Fact]
    public async Task Every_sign_up_input_has_a_real_label()
    {
        using var visitor = new PortalClient(app);
        var (_, page) = await visitor.GetAsync("/signup");
        foreach (var input in page.QuerySelectorAll("main form input:not([type=hidden])"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        using var visitor = new PortalClient(app);
        using var response = await visitor.Http.PostAsync("/signup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["StoreName"] = "Forged",
            ["Email"] = PortalClient.UniqueEmail("forged"),
            ["Password"] = PortalClient.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountStoresNamedAsync("Forged"));
    }

    private async Task<AngleSharp.Dom.IDocument> SubmitRejectedAsync(string name, string email, string password, string slug)
    {
        using var visitor = new PortalClient(app);
        using var response = await visitor.SubmitAsync("/signup", new Dictionary<string, string>
        {
            ["StoreName"] = name,
            ["Slug"] = slug,
            ["Email"] = email,
            ["Password"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(response);
    }

    private async Task<int> CountStoresNamedAsync(string name)
    {
        await using var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        return await reader.Tenants.CountAsync(t => t.Name == name);
    }
}
