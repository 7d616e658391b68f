using System.Net;
using System.Net.Sockets;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Api.Setup;

/// <summary>
/// The addresses the server is told to listen on (<c>ASPNETCORE_URLS</c>, <c>--urls</c> or <c>urls</c>), checked
/// before the host is built: Kestrel reports a port out of range or one another process holds only after start-up
/// began, as a stack trace; an operator gets one line naming the address instead.
/// </summary>
internal static class ListenAddresses
{
    private const string Key = "urls";

    public static void Enforce(IConfiguration configuration)
    {
        var problems = Problems(configuration[Key]).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static IEnumerable<string> Problems(string? urls)
    {
        foreach (var address in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(address) is not var (host, port))
            {
                yield return $"ASPNETCORE_URLS (urls) must list addresses such as http://127.0.0.1:5000 with a port from 0 to 65535, got '{address}'";
            }
            else if (port > 0 && InUse(host, port))
            {
                yield return $"ASPNETCORE_URLS (urls): {address} is already in use by another process; stop it or choose another port";
            }
        }
    }

    /// <summary>The host and port of an address as Kestrel reads it (scheme://host[:port][/base]; host may be *, + or a name), or null.</summary>
    private static (string Host, int Port)? Endpoint(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || address[..scheme].ToLowerInvariant() is not ("http" or "https"))
        {
            return null;
        }

        var rest = address[(scheme + 3)..];
        if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            // A Unix domain socket (http://unix:/run/newsqa.sock): no port to check.
            return (rest, 0);
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']'))
        {
            return authority.Length == 0 ? null : (authority, 0);
        }

        var portText = authority[(colon + 1)..];
        return colon > 0 && int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort
            ? (authority[..colon], port)
            : null;
    }

    /// <summary>Whether another process listens on <paramref name="port"/> where the server would; a host that is no IP is checked on loopback.</summary>
    private static bool InUse(string host, int port)
    {
        var ip = host is "*" or "+" || host.Length == 0 ? IPAddress.Any
            : IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed
            : IPAddress.Loopback;
        var probe = new TcpListener(ip, port);
        try
        {
            probe.Start();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (an address of another machine, no permission for a low port): Kestrel reports it.
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }
}
