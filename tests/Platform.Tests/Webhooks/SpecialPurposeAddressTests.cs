using System.Net;
using System.Numerics;
using Platform.Core.Webhooks;

namespace Platform.Tests.Webhooks;

/// <summary>
/// Table-driven SSRF check against the IANA IPv4 and IPv6 Special-Purpose Address Registries: the first, last and a
/// middle address of every block is refused in Production, the neighbours that are ordinary public addresses pass,
/// and every IPv6 form that carries an IPv4 address is judged by (or refused with) the address inside.
/// The table is written here again on purpose so a row dropped from the policy fails this test.
/// </summary>
public sealed class SpecialPurposeAddressTests
{
    private static readonly WebhookAddressPolicy Policy = new(new WebhookOptions(), local: false);

    public static TheoryData<string> SpecialPurposeBlocks =>
    [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/31",
        "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
        "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64",
        "2001::/23", "2001::/32", "2001:1::1/128", "2001:1::2/128", "2001:1::3/128", "2001:2::/48", "2001:3::/32",
        "2001:4:112::/48", "2001:10::/28", "2001:20::/28", "2001:30::/28", "2001:db8::/32", "3fff::/20",
        "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        "::/96", // IPv4-compatible (deprecated), e.g. ::127.0.0.1
        // ::ffff:0:0/96 (mapped), 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) are unwrapped: see the two tests below.
    ];

    [Theory]
    [MemberData(nameof(SpecialPurposeBlocks))]
    public void Every_address_of_a_special_purpose_block_is_refused_first_middle_and_last(string block)
    {
        var network = IPNetwork.Parse(block);
        foreach (var address in Samples(network))
        {
            Assert.False(Policy.IsAllowed(address), $"{address} in {block} was allowed");
        }
    }

    [Theory]
    [InlineData("::127.0.0.1")]                   // IPv4-compatible loopback
    [InlineData("::ffff:127.0.0.1")]              // IPv4-mapped loopback
    [InlineData("::ffff:0:a9fe:a9fe")]            // IPv4-translated metadata
    [InlineData("64:ff9b::7f00:1")]               // well-known NAT64 to loopback
    [InlineData("64:ff9b::a9fe:a9fe")]            // well-known NAT64 to 169.254.169.254
    [InlineData("64:ff9b::c000:201")]             // well-known NAT64 to documentation 192.0.2.1
    [InlineData("64:ff9b:1::808:808")]            // local-use NAT64: the site's own translator
    [InlineData("2002:7f00:1::1")]                // 6to4 wrapping 127.0.0.1
    [InlineData("2002:a9fe:a9fe::")]              // 6to4 wrapping 169.254.169.254
    [InlineData("2002:a00:1:1::1")]               // 6to4 wrapping 10.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo: obfuscated IPv4 inside
    public void An_IPv6_address_that_carries_a_forbidden_IPv4_address_is_refused(string address) =>
        Assert.False(Policy.IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("192.0.1.255")]      // just below 192.0.2.0/24
    [InlineData("192.0.3.0")]        // just above 192.0.2.0/24
    [InlineData("198.51.99.255")]
    [InlineData("198.51.101.0")]
    [InlineData("203.0.112.255")]
    [InlineData("203.0.114.0")]
    [InlineData("100.63.255.255")]   // just below CGNAT
    [InlineData("100.128.0.0")]      // just above CGNAT
    [InlineData("172.32.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:200::1")]      // first address after 2001::/23
    [InlineData("2001:db9::1")]      // just after the documentation block
    [InlineData("::ffff:8.8.8.8")]   // mapped public IPv4
    [InlineData("64:ff9b::808:808")] // well-known NAT64 to a public IPv4
    [InlineData("2002:808:808::1")]  // 6to4 wrapping a public IPv4
    public void A_public_address_and_the_neighbours_of_special_blocks_are_allowed(string address) =>
        Assert.True(Policy.IsAllowed(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("https://[::127.0.0.1]/hook")]
    [InlineData("https://[2002:7f00:1::]/hook")]
    [InlineData("https://[64:ff9b:1::a00:1]/hook")]
    [InlineData("https://192.0.2.10/hook")]
    [InlineData("https://198.51.100.7/hook")]
    [InlineData("https://203.0.113.200/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    public async Task A_url_naming_a_special_purpose_address_is_refused_when_saved(string url) =>
        Assert.NotNull(await new WebhookUrlValidator(Policy).ValidateAsync(url, CancellationToken.None));

    private static IEnumerable<IPAddress> Samples(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var bits = bytes.Length * 8;
        var first = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var size = BigInteger.One << (bits - network.PrefixLength);
        yield return ToAddress(first, bytes.Length);
        yield return ToAddress(first + size / 2, bytes.Length);
        yield return ToAddress(first + size - 1, bytes.Length);
    }

    private static IPAddress ToAddress(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[length];
        raw.CopyTo(bytes, length - raw.Length);
        return new IPAddress(bytes);
    }
}
