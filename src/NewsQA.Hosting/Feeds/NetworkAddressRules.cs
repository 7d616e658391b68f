using System.Net;
using System.Net.Sockets;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// Which addresses a fetch may connect to. Without <c>Feeds:AllowPrivateNetworks</c> only public unicast addresses:
/// never loopback, the private ranges (RFC 1918, IPv6 unique local), link-local (where cloud metadata services
/// answer, 169.254.169.254), shared carrier space, "this network", multicast or broadcast. An IPv4 address written
/// as IPv6 (<c>::ffff:127.0.0.1</c>) is judged as the IPv4 address it is.
/// </summary>
public static class NetworkAddressRules
{
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
        IPNetwork.Parse("64:ff9b:1::/48"),
    ];

    /// <summary>True when a fetch may connect to <paramref name="address"/>.</summary>
    public static bool MayConnect(IPAddress address, bool allowPrivateNetworks)
    {
        if (allowPrivateNetworks)
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            && !NonPublic.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }
}
