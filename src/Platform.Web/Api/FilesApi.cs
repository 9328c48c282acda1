using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Platform.Core.Files;
using Platform.Web.Api.Reference;
using Platform.Web.Files;

namespace Platform.Web.Api;

/// <summary>
/// <c>POST /api/v1/files</c> (multipart, or a raw body with <c>X-File-Name</c>; streamed, 413 over the limit),
/// <c>GET /api/v1/files</c>, <c>GET /api/v1/files/{id}</c> and <c>DELETE /api/v1/files/{id}</c> (409 while a product delivers it).
/// </summary>
public static class FilesApi
{
    public static RouteGroupBuilder MapFilesApi(this IEndpointRouteBuilder api)
    {
        var files = api.MapGroup("/files").WithTags("Files");
        files.MapPost("", UploadFileAsync).WithName("UploadFile").WithSummary("Upload a file")
            .WithMetadata(new StreamedRequestBody(
                "The file as multipart form data, or as the raw body with its name in X-File-Name.",
                new Dictionary<string, Func<OpenApiSchema>>
                {
                    ["multipart/form-data"] = StreamedRequestBody.FileForm,
                    ["application/octet-stream"] = StreamedRequestBody.Binary,
                }))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        files.MapGet("", ListFilesAsync).WithName("ListFiles").WithSummary("List files");
        files.MapGet("/{id:guid}", GetFileAsync).WithName("GetFile").WithSummary("Get a file's details").ProducesProblem(StatusCodes.Status404NotFound);
        files.MapDelete("/{id:guid}", DeleteFileAsync).WithName("DeleteFile").WithSummary("Delete a file")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return files;
    }

    private static async Task<Results<Created<FileResponse>, ProblemHttpResult>> UploadFileAsync(
        HttpContext http, FileUploadService uploads, CancellationToken cancellationToken)
    {
        var outcome = await UploadReader.SaveAsync(http, uploads, cancellationToken);
        return outcome.File is { } file
            ? TypedResults.Created($"/api/v1/files/{file.Id}", FileResponse.From(file))
            : ApiProblems.Problem(outcome.Status, "Upload refused", outcome.Error);
    }

    private static async Task<Ok<IEnumerable<FileResponse>>> ListFilesAsync(FileUploadService files, CancellationToken cancellationToken) =>
        TypedResults.Ok((await files.ListAsync(cancellationToken)).Select(FileResponse.From));

    private static async Task<Results<Ok<FileResponse>, ProblemHttpResult>> GetFileAsync(Guid id, FileUploadService files,
        CancellationToken cancellationToken) =>
        await files.FindAsync(id, cancellationToken) is { } file ? TypedResults.Ok(FileResponse.From(file)) : ApiProblems.NotFound("File", id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteFileAsync(Guid id, FileUploadService files, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound("File", id);
        }

        // A product's goods stay (past buyers may still download them): 409, nothing deleted.
        return await files.DeleteAsync(id, cancellationToken) is { } error
            ? ApiProblems.Conflict("File in use", error)
            : TypedResults.NoContent();
    }
}
