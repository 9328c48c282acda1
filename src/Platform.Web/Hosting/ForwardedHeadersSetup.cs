using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Web.Hosting;

/// <summary>
/// Production runs behind a TLS-terminating proxy or ingress: trust its X-Forwarded-Proto/For so the app
/// knows the request was https (Secure cookies, antiforgery, OpenIddict's transport check) and who the
/// client is (per-IP rate limits). Loopback proxies are trusted by default; others are listed in
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. the cluster's pod network).
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPlatformForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
