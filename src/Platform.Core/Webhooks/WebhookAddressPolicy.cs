using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Core.Webhooks;

/// <summary>
/// Where webhooks may go. Outside Development and Testing: https only, and no private, loopback, link-local,
/// CGNAT, unique-local, multicast or metadata addresses unless listed in <see cref="WebhookOptions.AllowedPrivateNetworks"/>.
/// Checked when an endpoint is saved and again on every connection (so DNS rebinding cannot get around it).
/// </summary>
public sealed class WebhookAddressPolicy
{
    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

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

        // ::ffff:10.0.0.1 and NAT64 64:ff9b::a00:1 reach IPv4 hosts: judge the IPv4 address inside.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && IPNetwork.Parse("64:ff9b::/96").Contains(address))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }

        return _allowed.Any(n => n.Contains(address)) || !Blocked.Any(n => n.Contains(address));
    }
}
