namespace Platform.Web.Hosting;

/// <summary>
/// Security headers on every response, set as the response starts so error pages, redirects and static files carry
/// them too. The portal runs no inline script or style, so its policy allows only its own files; Hangfire's dashboard
/// and the API reference page (third-party markup with inline script and style) get a wider policy on their own paths only.
/// Reset, invitation and download links carry secrets in their URL: those pages send no Referer at all.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, string jobsDashboardPath, string apiReferencePath)
{
    public const string PortalPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar): its own script plus inline configuration and styles, nothing from elsewhere.</summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private static readonly string[] SecretBearingPaths = ["/reset-password", "/invite", "/d"];

    public Task InvokeAsync(HttpContext context)
    {
        // Read now: branches such as the dashboard's move their prefix from Path to PathBase before the response starts.
        var path = context.Request.Path;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = path.StartsWithSegments(jobsDashboardPath, StringComparison.OrdinalIgnoreCase) ? DashboardPolicy
                : path.StartsWithSegments(apiReferencePath, StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy
                : PortalPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            headers["Referrer-Policy"] = SecretBearingPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                ? "no-referrer"
                : "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
