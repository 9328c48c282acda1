using System.Net;
using System.Net.Sockets;

namespace Platform.Web.RateLimiting;

/// <summary>
/// The client address as rate limits and login throttling count it: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by
/// its /64 — one subscriber gets a whole /64, so counting single IPv6 addresses would hand an attacker billions of budgets.
/// </summary>
public static class ClientAddress
{
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
