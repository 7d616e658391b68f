using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsQA.Testing.Hosting;

namespace NewsQA.Embeddings.Onnx.Tests.Models;

/// <summary>A <see cref="LoopbackHost"/> serving in-memory files with HTTP Range support; records the Range headers it was sent.</summary>
internal sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackFileServer(WebApplication app, Uri baseUri, ConcurrentQueue<string?> rangeHeaders)
    {
        _app = app;
        BaseUri = baseUri;
        RangeHeaders = rangeHeaders;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<string?> RangeHeaders { get; }

    public Uri UrlOf(string name) => new(BaseUri, "files/" + name);

    public static async Task<LoopbackFileServer> StartAsync(IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        var ranges = new ConcurrentQueue<string?>();
        var (app, baseUri) = await LoopbackHost.StartAsync(
            a =>
            {
                a.MapGet("/files/{name}", (string name, HttpRequest request) =>
                {
                    ranges.Enqueue(request.Headers.Range.ToString() is { Length: > 0 } range ? range : null);
                    return files.TryGetValue(name, out var bytes)
                        ? Results.File(bytes, "application/octet-stream", enableRangeProcessing: true)
                        : Results.NotFound();
                });
                // A redirect to any address, as a compromised or misconfigured mirror might send.
                a.MapGet("/moved", (string to) => Results.Redirect(to));
            },
            cancellationToken);
        return new LoopbackFileServer(app, baseUri, ranges);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
