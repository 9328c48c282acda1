using Platform.Core.Files;
using Platform.Web.Files;

namespace Platform.Web.Api;

/// <summary>
/// <c>POST /api/v1/files</c> (multipart, or a raw body with <c>X-File-Name</c>; streamed, 413 over the limit),
/// <c>GET /api/v1/files</c>, <c>GET /api/v1/files/{id}</c> and <c>DELETE /api/v1/files/{id}</c> (409 while a product delivers it).
/// </summary>
public static class FilesEndpoints
{
    public static IEndpointRouteBuilder MapFilesEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/files", UploadAsync);
        api.MapGet("/files", async (FileUploadService files, CancellationToken cancellationToken) =>
            Results.Ok((await files.ListAsync(cancellationToken)).Select(FileResponse.From)));
        api.MapGet("/files/{id:guid}", async (Guid id, FileUploadService files, CancellationToken cancellationToken) =>
            await files.FindAsync(id, cancellationToken) is { } file ? Results.Ok(FileResponse.From(file)) : ApiNames.NotFound("File", id));
        api.MapDelete("/files/{id:guid}", async (Guid id, FileUploadService files, CancellationToken cancellationToken) =>
        {
            if (await files.FindAsync(id, cancellationToken) is null)
            {
                return ApiNames.NotFound("File", id);
            }

            // A product's goods stay (past buyers may still download them): 409, nothing deleted.
            return await files.DeleteAsync(id, cancellationToken) is { } error
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "File in use", detail: error)
                : Results.NoContent();
        });
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, FileUploadService uploads, CancellationToken cancellationToken)
    {
        var outcome = await UploadReader.SaveAsync(http, uploads, cancellationToken);
        return outcome.File is { } file
            ? Results.Created($"/api/v1/files/{file.Id}", FileResponse.From(file))
            : Results.Problem(statusCode: outcome.Status, title: "Upload refused", detail: outcome.Error);
    }
}
