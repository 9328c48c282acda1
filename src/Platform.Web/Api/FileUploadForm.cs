namespace Platform.Web.Api;

/// <summary>
/// The multipart shape of <c>POST /api/v1/files</c>, for the OpenAPI document only: the handler streams the body
/// itself (<c>UploadReader</c>) instead of binding a form, so a large file is never buffered.
/// </summary>
public sealed record FileUploadForm(IFormFile File);
