using System.Text.Encodings.Web;
using Platform.Core.Text;

namespace Platform.Web.Text;

/// <summary>
/// The web host's shared gate for <see cref="ForbiddenText"/>: refuses a path or query string carrying refused
/// characters before tenant resolution or any handler looks them up (a slug with NUL would otherwise fail in
/// PostgreSQL), and turns <see cref="TextRefusedException"/> from Core's last guards into a 400 — problem details for
/// the API, a short HTML page for the browser — so no refused text ever answers 500.
/// </summary>
public sealed class ForbiddenTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (ForbiddenText.IsForbidden(http.Request.Path.Value))
        {
            await RefuseAsync(http, "path", ForbiddenText.For("The address"));
            return;
        }

        foreach (var (name, values) in http.Request.Query)
        {
            if (ForbiddenText.IsForbidden(name) || values.Any(ForbiddenText.IsForbidden))
            {
                await RefuseAsync(http, SafeName(name), ForbiddenText.For("The query parameter " + SafeName(name)));
                return;
            }
        }

        if (await HasUnreadableFormAsync(http.Request))
        {
            await RefuseAsync(http, "form", ForbiddenText.For("Some text in the form"));
            return;
        }

        try
        {
            await next(http);
        }
        catch (TextRefusedException refused) when (!http.Response.HasStarted)
        {
            await RefuseAsync(http, refused.Field, refused.Message);
        }
    }

    /// <summary>Writes the 400: validation problem details for API callers, a plain page for browsers.</summary>
    public static async Task RefuseAsync(HttpContext http, string field, string message)
    {
        http.Response.Clear();
        if (WantsHtml(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!doctype html><title>Not saved</title><h1>Not saved</h1><p>{HtmlEncoder.Default.Encode(message)}</p>" +
                "<p>Nothing was changed. Go back, remove the character (for example a NUL or another control character pasted from elsewhere) and try " +
                    "again.</p>", http.RequestAborted);
            return;
        }

        var errors = new Dictionary<string, string[]> { [field] = [message] };
        await Results.ValidationProblem(errors, title: "The request has invalid fields", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
    }

    /// <summary>
    /// ASP.NET Core's form reader itself refuses NUL in url-encoded forms (InvalidDataException), which pages would only
    /// report as a bare antiforgery 400; reading the form here (pages buffer it anyway) turns that into our message.
    /// Multipart bodies are left alone: the streamed upload must not be buffered, and the page filter checks the rest.
    /// </summary>
    private static async Task<bool> HasUnreadableFormAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return false;
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
    }

    private static bool WantsHtml(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static string SafeName(string name) => ForbiddenText.IsForbidden(name) ? "(name)" : name;
}
