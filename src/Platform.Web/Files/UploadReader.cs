using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Platform.Core.Files;

namespace Platform.Web.Files;

/// <summary>
/// Reads an upload straight from the request body into storage, shared by the portal and <c>POST /api/v1/files</c>:
/// <c>multipart/form-data</c> (first file part, read with <see cref="MultipartReader"/> — form binding is never used,
/// so nothing is buffered) or a raw body with the name in <c>X-File-Name</c> (percent-encoded UTF-8) or a
/// <c>Content-Disposition</c> header. The request size limit is raised for this request only, to the configured limit.
/// </summary>
public static class UploadReader
{
    public const string FileNameHeader = "X-File-Name";

    /// <summary>Room for multipart boundaries and part headers on top of the file itself.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static async Task<UploadOutcome> SaveAsync(HttpContext http, FileUploadService uploads, CancellationToken cancellationToken)
    {
        var limit = uploads.MaxUploadBytes;
        var tooLarge = UploadOutcome.Failed(StatusCodes.Status413PayloadTooLarge, $"The file is larger than the limit of {FormatSize(limit)}.");
        if (http.Request.ContentLength > limit + MultipartOverhead)
        {
            return tooLarge;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + MultipartOverhead;
        }

        try
        {
            var outcome = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) &&
                          mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await SaveMultipartAsync(http, mediaType, uploads, limit, cancellationToken)
                : await SaveRawAsync(http, uploads, cancellationToken);
            if (outcome.File is { Length: 0 } empty)
            {
                await uploads.DeleteAsync(empty.Id, cancellationToken);
                return UploadOutcome.Failed(StatusCodes.Status400BadRequest, "The file is empty.");
            }

            return outcome;
        }
        catch (FileTooLargeException)
        {
            return tooLarge;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (InvalidDataException ex)
        {
            return UploadOutcome.Failed(StatusCodes.Status400BadRequest, "The multipart body is malformed: " + ex.Message);
        }
    }

    private static async Task<UploadOutcome> SaveMultipartAsync(
        HttpContext http, MediaTypeHeaderValue mediaType, FileUploadService uploads, long limit, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return UploadOutcome.Failed(StatusCodes.Status400BadRequest, "The multipart body has no boundary.");
        }

        // The reader's own per-part limit (128 MB by default) would cut large files; our stream enforces the limit.
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                return new UploadOutcome(await uploads.SaveAsync(section.Body, name, cancellationToken), StatusCodes.Status201Created, null);
            }
        }

        return UploadOutcome.Failed(StatusCodes.Status400BadRequest, $"No file in the form. Send one file part (at most {FormatSize(limit)}).");
    }

    private static async Task<UploadOutcome> SaveRawAsync(HttpContext http, FileUploadService uploads, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength == 0)
        {
            return UploadOutcome.Failed(StatusCodes.Status400BadRequest, "The file is empty.");
        }

        string? name = http.Request.Headers[FileNameHeader];
        if (!string.IsNullOrEmpty(name))
        {
            name = Uri.UnescapeDataString(name);
        }
        else if (ContentDispositionHeaderValue.TryParse(http.Request.Headers.ContentDisposition.ToString(), out var disposition))
        {
            name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        }

        return new UploadOutcome(await uploads.SaveAsync(http.Request.Body, name, cancellationToken), StatusCodes.Status201Created, null);
    }

    /// <summary>
    /// A size for people, in binary units with at most one decimal and the invariant culture: "820 bytes", "820 KB",
    /// "1.4 MB", "2 GB".
    /// </summary>
    public static string FormatSize(long bytes)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return bytes switch
        {
            < 1024 => string.Create(culture, $"{bytes} bytes"),
            < 1L << 20 => string.Create(culture, $"{Math.Round(bytes / 1024.0, 1):0.#} KB"),
            < 1L << 30 => string.Create(culture, $"{Math.Round(bytes / (double)(1L << 20), 1):0.#} MB"),
            _ => string.Create(culture, $"{Math.Round(bytes / (double)(1L << 30), 1):0.#} GB"),
        };
    }
}
