using Platform.Core.Files;
using Platform.Core.Tenancy;
using Platform.Web.Identity;

namespace Platform.Web.Files;

/// <summary>
/// <c>POST /stores/{tenant}/files/upload</c>: the portal's streamed upload. A minimal endpoint rather than a page handler,
/// because page handlers read (and buffer) the whole form for antiforgery before running. Cross-site posts are
/// refused instead by the SameSite=Lax auth cookie and an Origin / Sec-Fetch-Site same-origin check.
/// </summary>
public static class PortalFileEndpoints
{
    public static IEndpointRouteBuilder MapPortalFileUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/stores/{tenant}/files/upload", UploadAsync)
            .RequireAuthorization(PortalPolicies.StoreMember)
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, ITenantContextAccessor currentTenant, FileUploadService uploads,
        CancellationToken cancellationToken)
    {
        if (!IsSameOrigin(http.Request))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site upload refused",
                detail: "Uploads are accepted from the portal's own pages only.");
        }

        var outcome = await UploadReader.SaveAsync(http, uploads, cancellationToken);
        var wantsHtml = http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        var page = $"/stores/{currentTenant.Tenant!.Slug}/files";
        if (outcome.File is { } file)
        {
            return wantsHtml ? Results.Redirect($"{page}?uploaded={file.Id}") : Results.Created($"{page}#{file.Id}", FileResponse.From(file));
        }

        return wantsHtml
            ? Results.Redirect($"{page}?error={Uri.EscapeDataString(outcome.Error!)}")
            : Results.Problem(statusCode: outcome.Status, title: "Upload refused", detail: outcome.Error);
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || origin == "null"
            ? origin.Length == 0
            : Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
