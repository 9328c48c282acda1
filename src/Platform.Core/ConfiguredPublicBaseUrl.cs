using Microsoft.Extensions.Configuration;

namespace Platform.Core;

/// <summary>The public base URL for hosts without a web server of their own (the Worker): <c>Platform:PublicBaseUrl</c>.</summary>
public sealed class ConfiguredPublicBaseUrl(IConfiguration configuration) : IPublicBaseUrl
{
    public Uri Value => configuration["Platform:PublicBaseUrl"] is { Length: > 0 } url
        ? new Uri(url.TrimEnd('/') + "/")
        : throw new InvalidOperationException("Platform:PublicBaseUrl is not set: the worker needs it for download links.");
}
