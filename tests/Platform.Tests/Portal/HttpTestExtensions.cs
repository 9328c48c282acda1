namespace Platform.Tests.Portal;

internal static class HttpTestExtensions
{
    /// <summary>Path and query of a Location header, whether the server sent it relative or absolute.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
