using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Common;

namespace Platform.Web.Api;

/// <summary>
/// The one place the API builds RFC 7807 answers, so every error has the same shape: plain problems (404, 409, …),
/// validation problems (400 with errors per field) and <see cref="Failed"/>, the one mapping from a failed
/// <see cref="Result{T}"/> to a status: invalid 400, not found 404, conflict 409, unavailable 503.
/// </summary>
public static class ApiProblems
{
    public const string InvalidTitle = "The request has invalid fields";

    public static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>404 for an id this store does not have (or another store has: the tenant filter hides it).</summary>
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        Problem(StatusCodes.Status404NotFound, $"{what} not found", $"This store has no {what.ToLowerInvariant()} {id}.");

    public static ProblemHttpResult NotFound(string title, string detail) => Problem(StatusCodes.Status404NotFound, title, detail);

    public static ProblemHttpResult Conflict(string title, string detail) => Problem(StatusCodes.Status409Conflict, title, detail);

    public static ProblemHttpResult Forbidden(string title, string detail) => Problem(StatusCodes.Status403Forbidden, title, detail);

    public static ProblemHttpResult Unauthorized(string title, string detail) => Problem(StatusCodes.Status401Unauthorized, title, detail);

    /// <summary>
    /// 400 with errors per field. Core keys errors by C# property names; the API reports the JSON names, except where
    /// it always answered with the input's property names (<paramref name="jsonFieldNames"/> false: webhook endpoints).
    /// </summary>
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors, string title = InvalidTitle, bool jsonFieldNames = true) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(
            e => jsonFieldNames ? JsonNamingPolicy.CamelCase.ConvertName(e.Key) : e.Key, e => e.Value))
        {
            Title = title,
            Status = StatusCodes.Status400BadRequest,
        });

    public static ProblemHttpResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// A failed service outcome as problem details. <paramref name="title"/> names what failed ("Bot not registered");
    /// without one, invalid input is <see cref="InvalidTitle"/>. The failure's message is the detail.
    /// </summary>
    public static ProblemHttpResult Failed(Failure failure, string? title = null, bool jsonFieldNames = true) => failure.Kind switch
    {
        FailureKind.Invalid when failure.Errors.Count > 0 => Invalid(failure.Errors, title ?? InvalidTitle, jsonFieldNames),
        FailureKind.Invalid => Problem(StatusCodes.Status400BadRequest, title ?? InvalidTitle, failure.Message),
        FailureKind.NotFound => Problem(StatusCodes.Status404NotFound, title ?? "Not found", failure.Message),
        FailureKind.Conflict => Problem(StatusCodes.Status409Conflict, title ?? "Conflict", failure.Message),
        _ => Problem(StatusCodes.Status503ServiceUnavailable, title ?? "Try again later", failure.Message),
    };

    /// <summary>
    /// A 400 that minimal APIs answer before any handler runs (a body that is not JSON of the operation's shape, or
    /// JSON text .NET refuses, such as an escaped lone surrogate) comes out as a bare "Bad Request": this says what to
    /// fix. Hooked into <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>; our own problems carry a title of
    /// their own and are left alone.
    /// </summary>
    public static void DescribeUnreadableRequest(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status == StatusCodes.Status400BadRequest && problem.Detail is null && problem is not HttpValidationProblemDetails
            && problem.Title == "Bad Request" && context.HttpContext.Request.Path.StartsWithSegments("/api/v1"))
        {
            problem.Title = "The request could not be read";
            problem.Detail = "The body, or a value in the path or query, is not what this operation takes: "
                + "send JSON in the shape the API reference (/api/docs) shows, as UTF-8 text without lone surrogates.";
        }
    }
}
