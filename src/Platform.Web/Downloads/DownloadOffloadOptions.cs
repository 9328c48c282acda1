namespace Platform.Web.Downloads;

/// <summary>
/// Section "Downloads" (web side). With a front nginx, <c>/d/</c> can hand the byte copy to nginx's sendfile: the app
/// still verifies, checks the order and counts, then answers with <c>X-Accel-Redirect</c>. Used only when this prefix
/// is set AND the request carries <c>X-Sendfile-Type: X-Accel-Redirect</c> (the proxy announces it can do it, the
/// Rack::Sendfile convention), so direct hits on Kestrel still get the bytes.
/// </summary>
public sealed class DownloadOffloadOptions
{
    public const string SendfileTypeHeader = "X-Sendfile-Type";
    public const string AccelRedirect = "X-Accel-Redirect";

    /// <summary>
    /// Serve <c>/d/</c> bodies from this size up with the kernel's sendfile straight to the socket when Kestrel
    /// faces the client over plain HTTP/1.x (see <c>ZeroCopyFileSender</c>); smaller files and other connections
    /// use the copy loop. 0 or less: never.
    /// </summary>
    public long ZeroCopyMinBytes { get; set; } = 1024 * 1024;

    /// <summary>nginx <c>internal</c> location that aliases <c>Files:Root</c>, e.g. <c>/_files/</c>. Empty: never offload.</summary>
    public string? AccelRedirectPrefix { get; set; }
}
