using Duende.IdentityModel.Client;
using Platform.Core.Tenancy;
using Platform.Web.Identity;

namespace Platform.Tests.Identity;

/// <summary>An API access token for a person (not a client): the CLI's authorization code flow for a signed-in member.</summary>
internal static class UserAccessTokens
{
    public static async Task<string> ForAsync(OidcAppFactory app, string email, TenantInfo store)
    {
        using var browser = await app.SignedInClientAsync(email, store);
        var (verifier, challenge) = AuthorizationCodeTests.NewPkce();
        var code = await AuthorizationCodeTests.AuthorizeAsync(browser, challenge);
        using var http = app.CreateHttpClient();
        var token = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = new Uri(app.BaseAddress, StarfrontOidc.TokenPath).ToString(),
            ClientId = StarfrontOidc.CliClientId,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            Code = code,
            RedirectUri = AuthorizationCodeTests.RedirectUri,
            CodeVerifier = verifier,
        });
        return token.IsError ? throw new InvalidOperationException($"{token.Error}: {token.ErrorDescription}") : token.AccessToken!;
    }
}
