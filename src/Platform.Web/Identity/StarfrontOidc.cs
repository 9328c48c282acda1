namespace Platform.Web.Identity;

/// <summary>Names shared by the OpenID Connect server, its seeded clients, the API and the tests.</summary>
public static class StarfrontOidc
{
    public const string AuthorizationPath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";

    /// <summary>Scope that grants access to <c>/api/v1</c>.</summary>
    public const string ApiScope = Platform.Core.Identity.ApiClientService.ApiScope;

    /// <summary>Audience of every token that may call <c>/api/v1</c>; set when the api scope is granted.</summary>
    public const string ApiResource = "starfront-api";

    /// <summary>The first-party command-line client: public, authorization code + PKCE, loopback redirect.</summary>
    public const string CliClientId = "starfront-cli";

    public static readonly IReadOnlyList<Uri> CliRedirectUris = [new("http://127.0.0.1/callback"), new("http://localhost/callback")];
}
