using Microsoft.AspNetCore.Connections.Features;

namespace Platform.Web.Downloads;

/// <summary>
/// Counts requests per connection (in the connection's items), so <see cref="ZeroCopyFileSender"/> can tell a
/// download that is the first request of its connection: only then is nothing of an earlier response possibly
/// still on its way out through Kestrel, and the socket may be written directly.
/// </summary>
public static class ConnectionRequestCounter
{
    private const string Key = "starfront.requests-on-connection";

    public static IApplicationBuilder UseConnectionRequestCounter(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Features.Get<IConnectionItemsFeature>()?.Items is { } items)
            {
                items[Key] = items.TryGetValue(Key, out var count) && count is int n ? n + 1 : 1;
            }

            return next(http);
        });

    public static bool IsFirstRequestOnConnection(HttpContext http) =>
        http.Features.Get<IConnectionItemsFeature>()?.Items is { } items && items.TryGetValue(Key, out var count) && count is 1;
}
