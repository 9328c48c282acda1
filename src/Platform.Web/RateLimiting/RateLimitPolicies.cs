namespace Platform.Web.RateLimiting;

public static class RateLimitPolicies
{
    /// <summary>Sign-up, login, password reset, invitations: POSTs only, per client IP, fixed window.</summary>
    public const string Auth = "auth";

    /// <summary>Buyer downloads through <c>/d/</c>: per client IP, fixed window.</summary>
    public const string Downloads = "downloads";
}
