namespace Platform.Web.Api;

/// <summary>RFC 7807 responses of the API, so every error has the same shape.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static IResult Forbidden(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);

    public static IResult Unauthorized(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
}
