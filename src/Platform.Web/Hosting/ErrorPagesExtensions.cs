namespace Platform.Web.Hosting;

/// <summary>
/// Errors answer in the client's language: browsers get <c>/error/{status}</c> (a page in the portal's layout with a
/// way back), everything else problem+json (<see cref="ErrorResponses.WantsHtml"/>) — written whatever the Accept
/// header says, so an API client asking for text/html still gets a machine-readable answer. Both only fill empty bodies:
/// an endpoint that wrote its own answer (an API validation problem, a download page) keeps it.
/// </summary>
public static class ErrorPagesExtensions
{
    public const string ErrorPath = "/error";

    /// <summary>Unhandled exceptions: an HTML 500 page without details, or a problem+json 500.</summary>
    public static IApplicationBuilder UsePlatformExceptionPages(this IApplicationBuilder app) => app
        .UseWhen(c => ErrorResponses.WantsHtml(c.Request), html => html.UseExceptionHandler(ErrorPath + "/500"))
        .UseWhen(c => !ErrorResponses.WantsHtml(c.Request), json => json.UseExceptionHandler(handler => handler.Run(http =>
            Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred").ExecuteAsync(http))));

    /// <summary>Empty-bodied 4xx/5xx answers (unknown URL, refusals, 429): re-executed as the error page, or problem+json.</summary>
    public static IApplicationBuilder UsePlatformStatusCodePages(this IApplicationBuilder app) => app
        .UseWhen(c => ErrorResponses.WantsHtml(c.Request), html => html.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}"))
        .UseWhen(c => !ErrorResponses.WantsHtml(c.Request), json => json.UseStatusCodePages(context =>
            Results.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext)));
}
