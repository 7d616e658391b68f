using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsQA.Testing.Fakes;

/// <summary>
/// A fake news site on 127.0.0.1 standing in for the publishers' servers no test may reach: it serves recorded feeds
/// and pages as a web server does. Conditional GET follows RFC 9110 (section 13.1.2: an <c>If-None-Match</c> listing the
/// current ETag gets 304; section 13.1.3: without <c>If-None-Match</c>, an <c>If-Modified-Since</c> at or after
/// <c>Last-Modified</c> gets 304), the order ASP.NET Core's static files evaluate them in
/// (Microsoft.AspNetCore.StaticFiles, StaticFileContext.ComputeIfNoneMatch / ComputeIfModifiedSince). Faults a real
/// line has are scripted per path: redirects, a slow first byte, a status, a body cut midway, an oversize body without
/// a length. Every request is recorded, and the most requests it ever served at once.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Resource> resources = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Request> requests = new();
    private WebApplication app = null!;
    private int inFlight;
    private int maxInFlight;

    public sealed record Request(string Path, string? IfNoneMatch, string? IfModifiedSince, string UserAgent, DateTimeOffset At, bool NotModified);

    /// <summary>What one path answers. <see cref="ETag"/> is a quoted entity tag, <c>"v1"</c>.</summary>
    public sealed record Resource(byte[] Body, string ContentType)
    {
        public string? ETag { get; init; }
        public DateTimeOffset? LastModified { get; init; }
        public string? RedirectTo { get; init; }
        public int Status { get; init; } = 200;
        public TimeSpan Delay { get; init; }

        /// <summary>Sent without a Content-Length (chunked), as a generated page or an endless stream is.</summary>
        public bool Chunked { get; init; }

        /// <summary>When set, the connection drops after this many bytes of the body (a server or line that dies midway).</summary>
        public int? CutAfter { get; init; }
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<Request> Requests => [.. requests];

    /// <summary>The most requests the server was answering at one moment.</summary>
    public int MaxConcurrent => Volatile.Read(ref maxInFlight);

    public static async Task<FakeFeedServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new FakeFeedServer();
        (server.app, server.BaseUri) = await Hosting.LoopbackHost.StartAsync(a => a.Run(server.ServeAsync), cancellationToken);
        return server;
    }

    public Uri Url(string path) => new(BaseUri, path.TrimStart('/'));

    public void Serve(string path, Resource resource) => resources["/" + path.TrimStart('/')] = resource;

    public void Serve(string path, string body, string contentType, string? etag = null) =>
        Serve(path, new Resource(Encoding.UTF8.GetBytes(body), contentType) { ETag = etag });

    public void Remove(string path) => resources.TryRemove("/" + path.TrimStart('/'), out _);

    /// <summary>How often <paramref name="path"/> was asked for, 304s included.</summary>
    public int CountOf(string path) => requests.Count(r => r.Path == "/" + path.TrimStart('/'));

    private async Task ServeAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var max = maxInFlight; now > max; max = maxInFlight)
        {
            Interlocked.CompareExchange(ref maxInFlight, now, max);
        }

        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (!resources.TryGetValue(path, out var resource))
        {
            Record(context, path, notModified: false);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var notModified = IsNotModified(request, resource);
        Record(context, path, notModified);
        if (resource.Delay > TimeSpan.Zero)
        {
            await Task.Delay(resource.Delay, context.RequestAborted);
        }

        if (resource.RedirectTo is { } target)
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = target;
            return;
        }

        context.Response.StatusCode = notModified ? StatusCodes.Status304NotModified : resource.Status;
        if (resource.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        if (resource.LastModified is { } modified)
        {
            context.Response.Headers.LastModified = modified.ToString("R");
        }

        if (notModified)
        {
            return;
        }

        context.Response.ContentType = resource.ContentType;
        if (!resource.Chunked)
        {
            context.Response.ContentLength = resource.Body.Length;
        }

        if (resource.CutAfter is { } cut)
        {
            await context.Response.Body.WriteAsync(resource.Body.AsMemory(0, Math.Min(cut, resource.Body.Length)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            // Let the bytes reach the client before the line drops (an abort discards what Kestrel has not sent yet).
            await Task.Delay(200, context.RequestAborted);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(resource.Body, context.RequestAborted);
    }

    private static bool IsNotModified(HttpRequest request, Resource resource)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            return resource.ETag is { } etag && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*");
        }

        return resource.LastModified is { } modified
            && DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), out var since)
            && since >= modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond));
    }

    private void Record(HttpContext context, string path, bool notModified) =>
        requests.Enqueue(new Request(path, NullIfEmpty(context.Request.Headers.IfNoneMatch.ToString()), NullIfEmpty(context.Request.Headers.IfModifiedSince.ToString()),
            context.Request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow, notModified));

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
