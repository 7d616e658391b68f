using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NewsQA.Api.Security;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so per-client rate limits and the
/// loopback-only write rule would see one client. <c>Proxy:KnownProxies</c> (IP addresses) and
/// <c>Proxy:KnownNetworks</c> (CIDR) name the proxies whose X-Forwarded-For / X-Forwarded-Proto are trusted;
/// headers from anyone else are ignored, so a reader cannot claim to be loopback.
/// </summary>
internal static class ProxySetup
{
    public static IServiceCollection AddNewsQaProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [];
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
    /// headers from anyone, letting every reader pick its own address.
    /// </summary>
    public static IApplicationBuilder UseNewsQaProxy(this IApplicationBuilder app, IConfiguration configuration)
    {
        var named = configuration.GetSection("Proxy:KnownProxies").GetChildren().Any() || configuration.GetSection("Proxy:KnownNetworks").GetChildren().Any();
        return named ? app.UseForwardedHeaders() : app;
    }
}
