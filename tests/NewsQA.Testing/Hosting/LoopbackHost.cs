using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsQA.Testing.Hosting;

/// <summary>
/// Kestrel on 127.0.0.1 at a port the OS picks, without logging: the set-up the loopback fakes share (FakeModelHub,
/// FakeOpenAiServer, the downloader tests' file server), so each of them only maps its endpoints.
/// </summary>
public static class LoopbackHost
{
    /// <summary>Builds, maps with <paramref name="map"/> and starts the host; returns it with its base URL (ending in '/').</summary>
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
