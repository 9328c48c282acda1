using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Core;
using Platform.Web.Identity;

namespace Platform.Web.Hosting;

/// <summary>
/// <c>Platform:PublicBaseUrl</c> when configured (required outside Development and Testing, checked on first
/// use); locally, the first address the server listens on — known only once Kestrel has bound its port.
/// </summary>
public sealed class PublicBaseUrl(IConfiguration configuration, IServer server, IHostEnvironment environment) : IPublicBaseUrl
{
    public Uri Value
    {
        get
        {
            var configured = configuration["Platform:PublicBaseUrl"];
            if (!string.IsNullOrEmpty(configured))
            {
                return new Uri(configured.TrimEnd('/') + "/");
            }

            if (!IdentityExtensions.IsLocal(environment))
            {
                throw new InvalidOperationException(
                    "Platform:PublicBaseUrl is not set: the public https address of this platform, used in links and Telegram webhooks.");
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server has no address yet; set Platform:PublicBaseUrl.");
            return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }
}
