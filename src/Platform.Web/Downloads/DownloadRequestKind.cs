namespace Platform.Web.Downloads;

/// <summary>How a GET on <c>/d/</c> relates to the per-order download limit (see docs/catalog.md, "Download counting").</summary>
public enum DownloadRequestKind
{
    /// <summary>The whole file, or a first range starting at byte 0: counts as one download.</summary>
    NewDownload = 0,

    /// <summary>A range starting later: resuming a download already counted, so not counted again.</summary>
    Continuation = 1,

    /// <summary>If-None-Match matched: 304, no bytes, not counted.</summary>
    NotModified = 2,

    /// <summary>A range past the end: 416, not counted.</summary>
    Unsatisfiable = 3,
}
