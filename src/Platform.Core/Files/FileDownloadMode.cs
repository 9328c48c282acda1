namespace Platform.Core.Files;

/// <summary>
/// <c>Files:S3:DownloadMode</c>: how <c>/d/</c> hands an S3 object to the buyer once the link and the order are checked
/// and the download counted. The trade-off is written down in docs/files.md.
/// </summary>
public enum FileDownloadMode
{
    /// <summary>The web replica streams the bytes from the bucket (ranged GETs): works with a private bucket behind any proxy.</summary>
    Stream = 0,

    /// <summary>
    /// 302 to a short-lived presigned GET: the bucket serves the bytes (no bandwidth through the web replicas), but the
    /// URL is usable by anyone holding it until it expires and the bucket endpoint must be reachable by buyers.
    /// </summary>
    PresignedRedirect = 1,
}
