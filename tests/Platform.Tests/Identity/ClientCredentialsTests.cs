using System.Net;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Api;

namespace Platform.Tests.Identity;

/// <summary>
/// A merchant's system, played by Duende.IdentityModel (an independent OpenID Connect client library),
/// discovers the server and gets client-credentials tokens that carry the client's store.
/// </summary>
public sealed class ClientCredentialsTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    [Fact]
    public async Task A_client_discovers_the_server_and_its_token_reads_its_own_store_but_not_another_stores_client()
    {
        var (storeA, ownerA, _) = await app.NewStoreAsync("Alpha");
        var (storeB, ownerB, _) = await app.NewStoreAsync("Bravo");
        var clientA = await app.CreateApiClientAsync(storeA, ownerA);
        var clientB = await app.CreateApiClientAsync(storeB, ownerB);
        using var http = app.CreateHttpClient();

        var discovery = await DiscoverAsync(http);
        var token = await RequestTokenAsync(http, discovery.TokenEndpoint!, clientA.Client!.ClientId, clientA.ClientSecret!);

        Assert.False(token.IsError, $"{token.Error}: {token.ErrorDescription}");
        http.SetBearerToken(token.AccessToken!);
        var store = await http.GetFromJsonAsync<StoreResponse>("api/v1/store");
        Assert.Equal(storeA.Id, store!.Id);
        Assert.Equal(storeA.Slug, store.Slug);

        var foreign = await http.GetAsync($"api/v1/api-clients/{clientB.Client!.Id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);

        var own = await http.GetFromJsonAsync<ApiClientResponse>($"api/v1/api-clients/{clientA.Client.Id}");
        Assert.Equal(clientA.Client.ClientId, own!.ClientId);
        var list = await http.GetFromJsonAsync<ApiClientResponse[]>("api/v1/api-clients");
        Assert.Equal([clientA.Client.Id], list!.Select(c => c.Id));
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token()
    {
        var (store, owner, _) = await app.NewStoreAsync("Charlie");
        var client = await app.CreateApiClientAsync(store, owner);
        using var http = app.CreateHttpClient();

        var token = await RequestTokenAsync(http, (await DiscoverAsync(http)).TokenEndpoint!, client.Client!.ClientId, "not-the-secret");

        AssertInvalidClient(token);
    }

    [Fact]
    public async Task A_revoked_client_gets_no_token_and_its_earlier_token_stops_working()
    {
        var (store, owner, _) = await app.NewStoreAsync("Delta");
        var client = await app.CreateApiClientAsync(store, owner);
        using var http = app.CreateHttpClient();
        var tokenEndpoint = (await DiscoverAsync(http)).TokenEndpoint!;
        var earlier = await RequestTokenAsync(http, tokenEndpoint, client.Client!.ClientId, client.ClientSecret!);
        Assert.False(earlier.IsError, earlier.ErrorDescription);

        await using (var scope = app.CreateTenantScope(store))
        {
            var clients = scope.ServiceProvider.GetRequiredService<ApiClientService>();
            Assert.True(await clients.RevokeAsync(client.Client.Id, CancellationToken.None));
        }

        var token = await RequestTokenAsync(http, tokenEndpoint, client.Client.ClientId, client.ClientSecret!);
        AssertInvalidClient(token);

        http.SetBearerToken(earlier.AccessToken!);
        var response = await http.GetAsync("api/v1/store");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_suspended_stores_client_gets_no_token_and_its_earlier_token_is_forbidden()
    {
        var (store, owner, _) = await app.NewStoreAsync("Echo");
        var client = await app.CreateApiClientAsync(store, owner);
        using var http = app.CreateHttpClient();
        var tokenEndpoint = (await DiscoverAsync(http)).TokenEndpoint!;
        var earlier = await RequestTokenAsync(http, tokenEndpoint, client.Client!.ClientId, client.ClientSecret!);
        Assert.False(earlier.IsError, earlier.ErrorDescription);

        await app.SetStatusAsync(store, TenantStatus.Suspended);

        var token = await RequestTokenAsync(http, tokenEndpoint, client.Client.ClientId, client.ClientSecret!);
        Assert.True(token.IsError);
        Assert.Contains("suspended", token.ErrorDescription, StringComparison.OrdinalIgnoreCase);

        http.SetBearerToken(earlier.AccessToken!);
        var response = await http.GetAsync("api/v1/store");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // OpenIddict answers invalid_client with 401 (RFC 6749 5.2); Duende then reports the HTTP reason, so read the body.
    private static void AssertInvalidClient(TokenResponse token)
    {
        Assert.True(token.IsError);
        Assert.Equal(HttpStatusCode.Unauthorized, token.HttpStatusCode);
        Assert.Contains("\"invalid_client\"", token.Raw);
    }

    internal static async Task<DiscoveryDocumentResponse> DiscoverAsync(HttpClient http)
    {
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = http.BaseAddress!.ToString(),
            Policy = new DiscoveryPolicy { RequireHttps = false },
        });
        Assert.False(discovery.IsError, discovery.Error);
        return discovery;
    }

    private static Task<TokenResponse> RequestTokenAsync(HttpClient http, string endpoint, string clientId, string secret) =>
        http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = endpoint,
            ClientId = clientId,
            ClientSecret = secret,
            Scope = "api",
        });
}
