using System.Net;

namespace Platform.Core.Webhooks;

/// <summary>
/// Every block in the IANA IPv4 and IPv6 Special-Purpose Address Registries (plus multicast, limited broadcast and the
/// deprecated site-local range). Why a table of its own: SSRF gaps came from a hand-picked list that missed the
/// documentation, 6to4, NAT64 local-use and IPv4-compatible ranges; keeping the registry whole makes a missing row obvious.
/// Blocks that are technically globally reachable (AS112, AMT) are still refused: no merchant webhook lives there.
/// </summary>
internal static class SpecialPurposeAddresses
{
    public static readonly IPNetwork[] IPv4 =
    [
        Net("0.0.0.0/8"),          // "this network" (RFC 791)
        Net("10.0.0.0/8"),         // private-use (RFC 1918)
        Net("100.64.0.0/10"),      // shared address space / CGNAT (RFC 6598)
        Net("127.0.0.0/8"),        // loopback (RFC 1122)
        Net("169.254.0.0/16"),     // link-local, cloud metadata (RFC 3927)
        Net("172.16.0.0/12"),      // private-use (RFC 1918)
        Net("192.0.0.0/24"),       // IETF protocol assignments, incl. DS-Lite, NAT64 discovery (RFC 6890)
        Net("192.0.2.0/24"),       // documentation TEST-NET-1 (RFC 5737)
        Net("192.31.196.0/24"),    // AS112-v4 (RFC 7535)
        Net("192.52.193.0/24"),    // AMT (RFC 7450)
        Net("192.88.99.0/24"),     // deprecated 6to4 relay anycast (RFC 7526)
        Net("192.168.0.0/16"),     // private-use (RFC 1918)
        Net("192.175.48.0/24"),    // direct delegation AS112 (RFC 7534)
        Net("198.18.0.0/15"),      // benchmarking (RFC 2544)
        Net("198.51.100.0/24"),    // documentation TEST-NET-2 (RFC 5737)
        Net("203.0.113.0/24"),     // documentation TEST-NET-3 (RFC 5737)
        Net("224.0.0.0/4"),        // multicast (RFC 5771)
        Net("240.0.0.0/4"),        // reserved (RFC 1112), includes 255.255.255.255 limited broadcast
    ];

    public static readonly IPNetwork[] IPv6 =
    [
        Net("::/96"),              // unspecified ::/128, loopback ::1/128 and deprecated IPv4-compatible ::a.b.c.d (RFC 4291)
        Net("::ffff:0:0:0/96"),    // IPv4-translated (RFC 2765); unwrapped first, this only catches what unwrapping left
        Net("64:ff9b:1::/48"),     // local-use NAT64 (RFC 8215): the site's own translator, so refused outright
        Net("100::/64"),           // discard-only (RFC 6666)
        Net("100:0:0:1::/64"),     // dummy IPv6 prefix (RFC 9780)
        Net("2001::/23"),          // IETF protocol assignments: Teredo 2001::/32 (obfuscated IPv4), benchmarking, ORCHID, AMT...
        Net("2001:db8::/32"),      // documentation (RFC 3849)
        Net("3fff::/20"),          // documentation (RFC 9637)
        Net("5f00::/16"),          // segment routing SIDs (RFC 9602)
        Net("fc00::/7"),           // unique-local (RFC 4193)
        Net("fe80::/10"),          // link-local (RFC 4291)
        Net("fec0::/10"),          // deprecated site-local (RFC 3879)
        Net("ff00::/8"),           // multicast (RFC 4291)
    ];

    /// <summary>IPv6 forms that carry an IPv4 address to reach: the IPv4 inside is judged instead.</summary>
    public static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6 || WellKnownNat64.Contains(address) || Translated.Contains(address))
        {
            return new IPAddress(bytes[12..]); // ::ffff:a.b.c.d, 64:ff9b::a.b.c.d, ::ffff:0:a.b.c.d
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes[2..6]) : null; // 2002:AABB:CCDD::/48
    }

    private static readonly IPNetwork WellKnownNat64 = Net("64:ff9b::/96");
    private static readonly IPNetwork Translated = Net("::ffff:0:0:0/96");
    private static readonly IPNetwork SixToFour = Net("2002::/16");

    private static IPNetwork Net(string cidr) => IPNetwork.Parse(cidr);
}
