using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Core.Webhooks;

/// <summary>
/// Where webhooks may go. Outside Development and Testing: https only, and no address in any IANA special-purpose block
/// (<see cref="SpecialPurposeAddresses"/>: private, loopback, link-local, CGNAT, documentation, unique-local, multicast,
/// metadata...) unless listed in <see cref="WebhookOptions.AllowedPrivateNetworks"/>. IPv6 forms that embed an IPv4
/// address (mapped, NAT64, 6to4, IPv4-translated) are judged by the IPv4 inside; IPv4-compatible and Teredo are refused.
/// Checked when an endpoint is saved and again on every connection (so DNS rebinding cannot get around it).
/// </summary>
public sealed class WebhookAddressPolicy
{
    private readonly IPNetwork[] _allowed;

    public WebhookAddressPolicy(IOptions<WebhookOptions> options, IHostEnvironment environment)
        : this(options.Value, IsLocal(environment))
    {
    }

    public WebhookAddressPolicy(WebhookOptions options, bool local)
    {
        _allowed = [.. options.AllowedPrivateNetworks.Select(IPNetwork.Parse)];
        RequireHttps = !local;
        BlockPrivateAddresses = !local;
    }

    public bool RequireHttps { get; }

    public bool BlockPrivateAddresses { get; }

    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public bool IsAllowed(IPAddress address)
    {
        if (!BlockPrivateAddresses)
        {
            return true;
        }

        // ::ffff:10.0.0.1, NAT64 64:ff9b::a00:1 and 6to4 2002:a00:1:: reach IPv4 hosts: judge the IPv4 address inside.
        address = SpecialPurposeAddresses.EmbeddedIPv4(address) ?? address;
        var blocked = address.AddressFamily == AddressFamily.InterNetwork ? SpecialPurposeAddresses.IPv4 : SpecialPurposeAddresses.IPv6;
        return _allowed.Any(n => n.Contains(address)) || !blocked.Any(n => n.Contains(address));
    }
}
