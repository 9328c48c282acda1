namespace Platform.Web.Hosting;

/// <summary>
/// Who gets an HTML error page and who gets problem+json. Machines (the API, the OpenID Connect endpoints, Telegram,
/// anything asking for JSON or not asking for HTML) keep RFC 7807 problem details; a browser — which asks for
/// text/html when it navigates — gets a page in the portal's layout with a way back.
/// </summary>
public static class ErrorResponses
{
    private static readonly string[] MachinePaths = ["/api", "/connect", "/telegram", "/.well-known", "/health"];

    public static bool WantsHtml(HttpRequest request)
    {
        if (MachinePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var accept = request.Headers.Accept.ToString();
        return !accept.Contains("json", StringComparison.OrdinalIgnoreCase)
            && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
