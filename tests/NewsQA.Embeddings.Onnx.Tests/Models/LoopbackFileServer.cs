using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsQA.Embeddings.Onnx.Tests.Models;

/// <summary>Kestrel on 127.0.0.1 with an OS-chosen port, serving in-memory files with HTTP Range support; records the Range headers it was sent.</summary>
internal sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackFileServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<string?> RangeHeaders { get; } = new();

    public Uri UrlOf(string name) => new(BaseUri, "files/" + name);

    public static async Task<LoopbackFileServer> StartAsync(IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackFileServer? server = null;
        app.MapGet("/files/{name}", (string name, HttpRequest request) =>
        {
            server!.RangeHeaders.Enqueue(request.Headers.Range.ToString() is { Length: > 0 } range ? range : null);
            return files.TryGetValue(name, out var bytes)
                ? Results.File(bytes, "application/octet-stream", enableRangeProcessing: true)
                : Results.NotFound();
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackFileServer(app, new Uri(address + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
