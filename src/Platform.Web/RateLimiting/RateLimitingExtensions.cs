using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Web.RateLimiting;

public static class RateLimitingExtensions
{
    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlatformRateLimitOptions>().Bind(configuration.GetSection("RateLimits")).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (Hosting.ErrorResponses.WantsHtml(context.HttpContext.Request))
                {
                    return; // an empty 429: the status pages show the browser an HTML page with a way back
                }

                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: "Too many attempts from your address. Wait a minute and try again.").ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(RateLimitPolicies.Auth, http =>
            {
                // Attempts only: viewing /login or /signup is not an attempt, and counting page views made ordinary browsing hit 429.
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("views");
                }

                var options = http.RequestServices.GetRequiredService<IOptions<PlatformRateLimitOptions>>().Value;
                var ip = ClientAddress.KeyOf(http.Connection.RemoteIpAddress);
                return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.AuthPermitLimit,
                    Window = TimeSpan.FromSeconds(options.AuthWindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.AddPolicy(RateLimitPolicies.Downloads, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<PlatformRateLimitOptions>>().Value;
                var ip = ClientAddress.KeyOf(http.Connection.RemoteIpAddress);
                return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.DownloadPermitLimit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
