using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Api.Security;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so per-client rate limits and the
/// loopback-only write rule would see one client. <c>Proxy:KnownProxies</c> (IP addresses) and
/// <c>Proxy:KnownNetworks</c> (CIDR) name the proxies whose X-Forwarded-For / X-Forwarded-Proto are trusted;
/// headers from anyone else are ignored, so a reader cannot claim to be loopback. Both keys are checked at
/// start (<see cref="Setup.ApiConfigurationRules"/>), so the parsing here cannot fail.
/// </summary>
internal static class ProxySetup
{
    public const string KnownProxies = "Proxy:KnownProxies";
    public const string KnownNetworks = "Proxy:KnownNetworks";

    public static IServiceCollection AddNewsQaProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = ConfigList.Read(configuration, KnownProxies);
        var networks = ConfigList.Read(configuration, KnownNetworks);
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;

            // Only the named proxies: the defaults (loopback) are dropped, so a local proxy must be named too.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>
    /// Adds the middleware only when a proxy is named: with both lists empty ASP.NET Core would accept forwarded
    /// headers from anyone, letting every reader pick its own address. Nor for a peer without an IP address
    /// (a unix socket): the middleware skips its known-proxy check then (Microsoft.AspNetCore.HttpOverrides,
    /// ForwardedHeadersMiddleware.ApplyForwarders only checks when RemoteIpAddress is set), and such a peer is
    /// no named proxy.
    /// </summary>
    public static IApplicationBuilder UseNewsQaProxy(this IApplicationBuilder app, IConfiguration configuration)
    {
        var named = ConfigList.Read(configuration, KnownProxies).Length > 0 || ConfigList.Read(configuration, KnownNetworks).Length > 0;
        return named ? app.UseWhen(http => http.Connection.RemoteIpAddress is not null, proxied => proxied.UseForwardedHeaders()) : app;
    }
}
