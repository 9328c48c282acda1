namespace Platform.Web.Api;

public static class ApiPolicies
{
    /// <summary>An OpenIddict access token (validation scheme only, never the portal cookie) that names a store.</summary>
    public const string ApiAccess = "ApiAccess";
}
