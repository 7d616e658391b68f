using System.Net;

namespace NewsQA.Api.Security;

/// <summary>Where a key travels, and whether the peer is this machine; what a key may do is <see cref="CollectionAccess"/>'s.</summary>
internal static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    /// <summary>
    /// The peer is this machine: a loopback IP address. A connection without one (a unix socket behind a reverse
    /// proxy) is not: anyone who reaches the proxy arrives that way.
    /// </summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
}
