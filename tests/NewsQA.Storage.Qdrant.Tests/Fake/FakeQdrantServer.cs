using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>
/// A fake: stands in for a Qdrant server, which cannot run here. Real HTTP on a loopback port (Kestrel), serving
/// only the REST endpoints <see cref="QdrantRestClient"/> uses, with Qdrant's response envelope and enough of its
/// semantics (named dense/sparse vectors, IDF, filters, RRF fusion, scroll, count) for the store contract suite.
/// Every request body is recorded with its OpenAPI path so tests can validate it against Qdrant's schema.
/// Fault switches: <see cref="FailWith500"/>, <see cref="Hang"/>, <see cref="Delay"/>, <see cref="StopAsync"/>
/// (connection refused) and <see cref="StartAsync()"/> again on the same port with the data kept.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeCollection> collections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> recorded = new();
    private WebApplication? app;
    private CancellationTokenSource stopping = new();
    private int port;
    private int requests;

    public Uri Url => new($"http://127.0.0.1:{port}/");

    /// <summary>Every request answers 500 with Qdrant's error shape.</summary>
    public bool FailWith500 { get; set; }

    /// <summary>Every request waits until the client gives up (or the server stops).</summary>
    public bool Hang { get; set; }

    /// <summary>Added before every answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Requests that reached the server, faulted or not.</summary>
    public int RequestCount => Volatile.Read(ref requests);

    public IReadOnlyCollection<RecordedRequest> Recorded => recorded;

    public IReadOnlyCollection<string> CollectionNames => [.. collections.Keys];

    public static async Task<FakeQdrantServer> StartNewAsync()
    {
        var server = new FakeQdrantServer();
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts listening (again), on the port it had before if it had one; collections survive a restart.</summary>
    public async Task StartAsync()
    {
        stopping = new CancellationTokenSource();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        app = builder.Build();
        app.UseRouting();
        app.Use(FaultsAndRecording);
        FakeQdrantApi.Map(app, collections);
        await app.StartAsync();
        port = new Uri(app.Urls.First()).Port;
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (app is null)
        {
            return;
        }

        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private async Task FaultsAndRecording(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref requests);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, aborted.Token);
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, aborted.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (FailWith500)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["status"] = new JsonObject { ["error"] = "Service internal error: injected by the fake" }, ["time"] = 0 });
            return;
        }

        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await new StreamReader(context.Request.Body).ReadToEndAsync(aborted.Token)
            : null;
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        recorded.Enqueue(new RecordedRequest(context.Request.Method, template ?? context.Request.Path, body, context.Request.Headers["api-key"].ToString()));
        context.Items[FakeQdrantApi.BodyKey] = body;
        await next(context);
    }
}

/// <summary>A request as the fake saw it: method, OpenAPI path template, JSON body (if any) and the api-key header.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Body, string ApiKey);
