using System.Net;
using System.Net.Sockets;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// The one HTTP handler fetches go through. The address check sits in <see cref="SocketsHttpHandler.ConnectCallback"/>:
/// the name is resolved there and the socket connects only to an address the rules allow, so a name that resolves
/// to a public address when checked and to 127.0.0.1 when connecting (DNS rebinding) gets nowhere, and every
/// redirect's new host is checked the same way. Redirects are not followed here (<see cref="PoliteFetcher"/> follows
/// them one by one), no proxy is used (the check would then see only the proxy), no cookies are kept.
/// </summary>
internal static class FeedHttpHandler
{
    /// <param name="mayConnect">The address rule (<see cref="NetworkAddressRules.MayConnect"/> under the configuration).</param>
    public static SocketsHttpHandler Create(Func<IPAddress, bool> mayConnect) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, mayConnect, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, Func<IPAddress, bool> mayConnect, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, ct).ConfigureAwait(false);
        var allowed = addresses.Where(mayConnect).ToList();
        if (allowed.Count == 0)
        {
            throw new FetchRefusedException(addresses.Length == 0
                ? $"{endPoint.Host} does not resolve"
                : $"{endPoint.Host} {(literal is null ? "resolves to" : "is")} a private, loopback or link-local address (Feeds:AllowPrivateNetworks is off)");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw new HttpRequestException($"cannot connect to {endPoint.Host}", last);
    }
}
