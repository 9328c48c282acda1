using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Catalog;

namespace Platform.Web.Api;

/// <summary>
/// Reads the body of <c>POST /api/v1/products/{id}/keys</c>: a JSON array of strings or text/plain with one key per
/// line, at most <see cref="MaxBytes"/> read (a lying Content-Length cannot make the server buffer more).
/// </summary>
public static class LicenseKeysBody
{
    /// <summary>Key uploads are text; 5 MB is about 100,000 keys, far beyond a real batch.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The keys, or the problem to answer instead (413, 415 or 400).</summary>
    public static async Task<(List<string>? Keys, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooMany = ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Too many keys at once",
            $"Send at most {MaxBytes / (1024 * 1024)} MB of keys per request.");
        if (request.ContentLength > MaxBytes)
        {
            return (null, tooMany);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var text = await ReadLimitedAsync(request, cancellationToken);
        if (text is null)
        {
            return (null, tooMany);
        }

        switch (mediaType)
        {
            case "application/json":
                try
                {
                    return (JsonSerializer.Deserialize<List<string>>(text) ?? [], null);
                }
                catch (JsonException)
                {
                    return (null, ApiProblems.Invalid("keys", "Send a JSON array of strings, e.g. [\"KEY-1\", \"KEY-2\"]."));
                }

            case "text/plain":
                return (LicenseKeyText.Parse(text), null);
            default:
                return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                    "Send keys as application/json (an array of strings) or text/plain (one key per line)."));
        }
    }

    private static async Task<string?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
