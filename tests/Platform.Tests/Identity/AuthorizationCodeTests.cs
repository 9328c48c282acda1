using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Tests.Portal;
using Platform.Web.Api;
using Platform.Web.Identity;

namespace Platform.Tests.Identity;

/// <summary>The first-party CLI's flow: authorization code with PKCE for a signed-in portal user, then refresh.</summary>
public sealed class AuthorizationCodeTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    internal const string RedirectUri = "http://127.0.0.1/callback";

    [Fact]
    public async Task A_signed_in_user_gets_a_code_whose_token_calls_the_api_for_the_users_store()
    {
        var (store, _, email) = await app.NewStoreAsync("Golf");
        using var browser = await app.SignedInClientAsync(email, store);
        var (verifier, challenge) = NewPkce();

        var code = await AuthorizeAsync(browser, challenge);
        using var http = app.CreateHttpClient();
        var discovery = await ClientCredentialsTests.DiscoverAsync(http);
        var token = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = StarfrontOidc.CliClientId,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            Code = code,
            RedirectUri = RedirectUri,
            CodeVerifier = verifier,
        });

        Assert.False(token.IsError, $"{token.Error}: {token.ErrorDescription}");
        Assert.NotNull(token.IdentityToken);
        http.SetBearerToken(token.AccessToken!);
        var body = await http.GetFromJsonAsync<StoreResponse>("api/v1/store");
        Assert.Equal(store.Id, body!.Id);

        var userInfo = await http.GetUserInfoAsync(new UserInfoRequest { Address = discovery.UserInfoEndpoint, Token = token.AccessToken });
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Equal(email, userInfo.Claims.Single(c => c.Type == JwtClaimTypes.Email).Value);
        Assert.Equal(store.Id.ToString(), userInfo.Claims.Single(c => c.Type == "tenant_id").Value);

        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = StarfrontOidc.CliClientId,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            RefreshToken = token.RefreshToken!,
        });
        Assert.False(refreshed.IsError, $"{refreshed.Error}: {refreshed.ErrorDescription}");
        http.SetBearerToken(refreshed.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/v1/store")).StatusCode);
    }

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_verifier_gets_no_token()
    {
        var (store, _, email) = await app.NewStoreAsync("Hotel");
        using var browser = await app.SignedInClientAsync(email, store);
        var (_, challenge) = NewPkce();
        var code = await AuthorizeAsync(browser, challenge);
        using var http = app.CreateHttpClient();

        var token = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = (await ClientCredentialsTests.DiscoverAsync(http)).TokenEndpoint,
            ClientId = StarfrontOidc.CliClientId,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            Code = code,
            RedirectUri = RedirectUri,
            CodeVerifier = NewPkce().Verifier,
        });

        Assert.True(token.IsError);
        Assert.Equal("invalid_grant", token.Error);
    }

    [Fact]
    public async Task An_authorization_request_without_a_code_challenge_is_refused()
    {
        var (store, _, email) = await app.NewStoreAsync("India");
        using var browser = await app.SignedInClientAsync(email, store);

        var response = await browser.GetAsync(AuthorizeUri(codeChallenge: null));

        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.DoesNotContain("code=", location);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request"), $"{response.StatusCode} {location}");
    }

    [Fact]
    public async Task A_plain_code_challenge_is_refused_only_S256_is_accepted()
    {
        var (store, _, email) = await app.NewStoreAsync("Lima");
        using var browser = await app.SignedInClientAsync(email, store);

        var response = await browser.GetAsync(AuthorizeUri(NewPkce().Verifier).Replace("code_challenge_method=S256", "code_challenge_method=plain"));

        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.DoesNotContain("code=", location);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request"), $"{response.StatusCode} {location}");
    }

    [Fact]
    public async Task An_anonymous_authorization_request_is_sent_to_the_login_page_and_back()
    {
        using var anonymous = app.CreateHttpClient();

        var response = await anonymous.GetAsync(AuthorizeUri(NewPkce().Challenge));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/login", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        var returnUrl = QueryHelpers.ParseQuery(location.IsAbsoluteUri ? location.Query : "?"
            + location.OriginalString.Split('?', 2)[1])["ReturnUrl"].ToString();
        Assert.StartsWith(StarfrontOidc.AuthorizationPath + "?", returnUrl);
        Assert.Contains("code_challenge=", returnUrl);
    }

    [Fact]
    public async Task A_loopback_redirect_may_use_any_port_as_native_apps_need()
    {
        var (store, _, email) = await app.NewStoreAsync("Juliett");
        using var browser = await app.SignedInClientAsync(email, store);

        var response = await browser.GetAsync(AuthorizeUri(NewPkce().Challenge, "http://127.0.0.1:49152/callback"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://127.0.0.1:49152/callback?code=", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_user_removed_from_the_store_can_no_longer_use_an_earlier_token()
    {
        var (store, ownerId, email) = await app.NewStoreAsync("Kilo");
        using var browser = await app.SignedInClientAsync(email, store);
        var (verifier, challenge) = NewPkce();
        var code = await AuthorizeAsync(browser, challenge);
        using var http = app.CreateHttpClient();
        var token = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = (await ClientCredentialsTests.DiscoverAsync(http)).TokenEndpoint,
            ClientId = StarfrontOidc.CliClientId,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            Code = code,
            RedirectUri = RedirectUri,
            CodeVerifier = verifier,
        });
        Assert.False(token.IsError, token.ErrorDescription);

        await using (var scope = app.CreateTenantScope(store))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Memberships.Where(m => m.UserId == ownerId).ExecuteDeleteAsync();
        }

        http.SetBearerToken(token.AccessToken!);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("api/v1/store")).StatusCode);
    }

    [Fact]
    public async Task A_user_sent_to_the_portal_login_form_comes_back_to_authorize_and_gets_a_code()
    {
        var (_, _, email) = await app.NewStoreAsync("Oscar");
        using var person = new PortalClient(app);

        var challenge = await person.Http.GetAsync(AuthorizeUri(NewPkce().Challenge));
        var returnUrl = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["ReturnUrl"].ToString();
        using var login = await person.LoginAsync(email, OidcAppFactory.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(returnUrl, login.Headers.Location!.OriginalString);
        var back = await person.Http.GetAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith(RedirectUri + "?code=", back.Headers.Location!.ToString());
    }

    [Fact]
    public async Task End_session_signs_the_user_out_of_the_portal()
    {
        var (store, _, email) = await app.NewStoreAsync("Mike");
        using var browser = await app.SignedInClientAsync(email, store);

        var response = await browser.GetAsync(StarfrontOidc.EndSessionPath.TrimStart('/'));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await browser.GetAsync(AuthorizeUri(NewPkce().Challenge));
        Assert.Contains("/login", again.Headers.Location!.ToString());
    }

    internal static async Task<string> AuthorizeAsync(HttpClient browser, string challenge)
    {
        var response = await browser.GetAsync(AuthorizeUri(challenge));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("xyz", query["state"].ToString());
        return query.TryGetValue("code", out var code) ? code.ToString() : throw new Xunit.Sdk.XunitException($"No code in {location}");
    }

    private static string AuthorizeUri(string? codeChallenge, string redirectUri = RedirectUri)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = StarfrontOidc.CliClientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile email api offline_access",
            ["state"] = "xyz",
        };
        if (codeChallenge is not null)
        {
            parameters["code_challenge"] = codeChallenge;
            parameters["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString(StarfrontOidc.AuthorizationPath.TrimStart('/'), parameters);
    }

    internal static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}
