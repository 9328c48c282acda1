using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>POST /api/signup: 201 with the store, or RFC 7807 validation problems keyed by JSON field.</summary>
public sealed class SignupApiTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task A_valid_sign_up_answers_201_with_the_store_id_and_slug()
    {
        using var client = app.CreateHttpClient();
        var slug = "api-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await client.PostAsJsonAsync("/api/signup", new
        {
            storeName = "Api Store",
            email = PortalClient.UniqueEmail("api"),
            password = PortalClient.Password,
            slug
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/stores/{slug}", response.Headers.Location!.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(slug, body.GetProperty("slug").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("storeId").GetString(), out _));
    }

    [Fact]
    public async Task A_duplicate_email_answers_409_problem_details_on_the_email_field()
    {
        var email = PortalClient.UniqueEmail("dup");
        await app.SignUpStoreAsync("Original", email, PortalClient.Password);
        using var client = app.CreateHttpClient();
        using var response = await client.PostAsJsonAsync("/api/signup", new { storeName = "Copycat", email, password = PortalClient.Password });
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "email");
    }

    [Fact]
    public async Task A_weak_password_answers_400_problem_details_on_the_password_field()
    {
        using var client = app.CreateHttpClient();
        using var response = await client.PostAsJsonAsync("/api/signup", new
        {
            storeName = "Weak",
            email = PortalClient.UniqueEmail("weak"),
            password = "abc"
        });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task Missing_and_overlong_fields_answer_400_problem_details_per_field()
    {
        using var client = app.CreateHttpClient();
        using var response = await client.PostAsJsonAsync("/api/signup", new { storeName = new string('x', 101), email = "" });
        var errors = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "storeName");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No '{field}' in {errors}");
        Assert.NotEmpty(messages.EnumerateArray());
        return errors;
    }
}
