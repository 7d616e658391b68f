using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace NewsQA.Testing.Hosting;

/// <summary>
/// The in-memory test server leaves the peer address empty (Microsoft.AspNetCore.TestHost, HttpContextBuilder
/// sets no RemoteIpAddress), where Kestrel would give a client on this machine 127.0.0.1. The API treats a
/// missing address as "not this machine" (a unix-socket peer), so in-memory requests are given the address a
/// local client has; a test that needs another peer sets its own.
/// </summary>
public sealed class LoopbackPeer : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(http);
        });
        next(app);
    };
}
