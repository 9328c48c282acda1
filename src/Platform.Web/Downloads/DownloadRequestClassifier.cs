using Microsoft.Net.Http.Headers;

namespace Platform.Web.Downloads;

/// <summary>
/// Decides, before any byte is sent, what ASP.NET Core's file result will answer (200, 206, 304 or 416), so the
/// download is counted exactly when a new download starts. Mirrors the framework's rules: If-None-Match wins,
/// a Range is honoured only on GET with a single range and a matching If-Range.
/// </summary>
public static class DownloadRequestClassifier
{
    public static DownloadRequestKind Classify(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified, long length)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } noneMatch &&
            noneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return DownloadRequestKind.NotModified;
        }

        var range = headers.Range;
        if (range is null || range.Ranges.Count != 1 || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase))
        {
            return DownloadRequestKind.NewDownload;
        }

        var ifRange = headers.IfRange;
        if (ifRange is not null)
        {
            var matches = ifRange.EntityTag is { } tag
                ? tag.Compare(etag, useStrongComparison: true)
                : ifRange.LastModified is { } date && lastModified.ToUnixTimeSeconds() <= date.ToUnixTimeSeconds();
            if (!matches)
            {
                return DownloadRequestKind.NewDownload; // the framework sends the whole file
            }
        }

        var only = range.Ranges.First();
        if (only.From is null)
        {
            // Suffix range ("last N bytes"): the whole file when N covers it, else the tail of one.
            return only.To is > 0 ? (only.To >= length ? DownloadRequestKind.NewDownload : DownloadRequestKind.Continuation)
                : DownloadRequestKind.Unsatisfiable;
        }

        if (only.From >= length)
        {
            return DownloadRequestKind.Unsatisfiable;
        }

        return only.From == 0 ? DownloadRequestKind.NewDownload : DownloadRequestKind.Continuation;
    }
}
