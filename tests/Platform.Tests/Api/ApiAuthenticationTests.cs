using System.Net;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Mvc;
using Platform.Tests.Identity;

namespace Platform.Tests.Api;

/// <summary>/api/v1 accepts OpenIddict access tokens and nothing else, and every error is RFC 7807 problem details.</summary>
public sealed class ApiAuthenticationTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_details()
    {
        using var anonymous = app.CreateHttpClient();

        var response = await anonymous.GetAsync("api/v1/store");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_portal_user_with_only_the_cookie_gets_401()
    {
        var (store, _, email) = await app.NewStoreAsync("Kilo");
        using var browser = await app.SignedInClientAsync(email, store);

        var response = await browser.GetAsync("api/v1/api-clients");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_malformed_token_gets_401()
    {
        using var http = app.CreateHttpClient();
        http.SetBearerToken("not-a-token");

        var response = await http.GetAsync("api/v1/store");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_ids_and_routes_answer_404_problem_details_not_500()
    {
        var (store, owner, _) = await app.NewStoreAsync("Lima");
        var client = await app.CreateApiClientAsync(store, owner);
        using var http = app.CreateHttpClient();
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = (await ClientCredentialsTests.DiscoverAsync(http)).TokenEndpoint,
            ClientId = client.Client!.ClientId,
            ClientSecret = client.ClientSecret!,
        });
        Assert.False(token.IsError, token.ErrorDescription);
        http.SetBearerToken(token.AccessToken!);

        await AssertProblemAsync(await http.GetAsync($"api/v1/api-clients/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await http.GetAsync("api/v1/api-clients/not-a-guid"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await http.GetAsync("api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal((int)status, problem!.Status);
    }
}
