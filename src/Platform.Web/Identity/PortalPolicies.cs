namespace Platform.Web.Identity;

public static class PortalPolicies
{
    /// <summary>Signed in and a member (owner or staff) of the request's store.</summary>
    public const string StoreMember = "StoreMember";

    /// <summary>Signed in and the owner of the request's store (team, API clients, refunds, webhooks).</summary>
    public const string StoreOwner = "StoreOwner";

    /// <summary>Platform operators; a global Identity role, not a store membership.</summary>
    public const string PlatformAdmin = "PlatformAdmin";
}
