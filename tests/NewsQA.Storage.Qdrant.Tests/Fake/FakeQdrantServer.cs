using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>
/// A fake: stands in for a Qdrant server, which cannot run here. Qdrant's own gRPC services, generated from its
/// v1.19.0 protos (<c>Protos/</c>), served by Kestrel over loopback HTTP/2, so deadlines, refused connections and
/// restarts behave as on the wire; in-memory semantics after Qdrant's source (see <see cref="FakeQuery"/>,
/// <see cref="FakeFilter"/>, <see cref="FakeCollection"/>). Fault switches: <see cref="FailWithUnavailable"/>,
/// <see cref="Hang"/>, <see cref="Delay"/>, <see cref="StopAsync"/> (connection refused) and
/// <see cref="StartAsync()"/> again on the same port with the data kept.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly FakeQdrantState state = new();
    private readonly Faults faults = new();
    private WebApplication? app;
    private int port;

    /// <summary>The gRPC address, as <c>Store:Qdrant:Url</c> takes it.</summary>
    public Uri Url => new($"http://127.0.0.1:{port}");

    /// <summary>Every call answers gRPC Unavailable, as Qdrant does while a shard is not ready.</summary>
    public bool FailWithUnavailable { get => faults.Unavailable; set => faults.Unavailable = value; }

    /// <summary>Every call answers this status (InvalidArgument, Internal, …) instead; null for none.</summary>
    public StatusCode? FailWith { get => faults.Status; set => faults.Status = value; }

    /// <summary>Every call waits until the client's deadline cancels it (or the server stops).</summary>
    public bool Hang { get => faults.Hang; set => faults.Hang = value; }

    /// <summary>Added before every answer.</summary>
    public TimeSpan Delay { get => faults.Delay; set => faults.Delay = value; }

    /// <summary>Calls that reached the server, faulted or not.</summary>
    public int CallCount => faults.Calls;

    /// <summary>The create request of a collection, as received.</summary>
    internal Wire.CreateCollection? CreatedAs(string collection) => state.Collections.TryGetValue(collection, out var c) ? c.Created : null;

    public IReadOnlyCollection<string> CollectionNames => [.. state.Collections.Keys];

    /// <summary>A collection's state, for tests that look at (or age) what the store wrote.</summary>
    internal FakeCollection Collection(string name) => state.Get(name);

    public static async Task<FakeQdrantServer> StartNewAsync()
    {
        var server = new FakeQdrantServer();
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts listening (again), on the port it had before if it had one; collections survive a restart.</summary>
    public async Task StartAsync()
    {
        faults.Stopping = new CancellationTokenSource();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // gRPC without TLS needs HTTP/2 with prior knowledge, which is what Grpc.Net.Client speaks to an http:// address.
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(faults);
        builder.Services.AddGrpc(o => o.Interceptors.Add<Faults>());
        app = builder.Build();
        app.MapGrpcService<FakeCollectionsService>();
        app.MapGrpcService<FakePointsService>();
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

        await faults.Stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        faults.Stopping.Dispose();
    }

    /// <summary>The fault switches, applied to every call before the service sees it.</summary>
    private sealed class Faults : Interceptor
    {
        private int calls;

        public volatile bool Unavailable;
        public volatile bool Hang;
        public StatusCode? Status;
        public TimeSpan Delay;
        public CancellationTokenSource Stopping = new();

        public int Calls => Volatile.Read(ref calls);

        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Interlocked.Increment(ref calls);
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, Stopping.Token);
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, aborted.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                throw new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "the fake was hanging"));
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, aborted.Token);
            }

            if (Unavailable)
            {
                throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "Service unavailable: injected by the fake"));
            }

            if (Status is { } status)
            {
                throw new RpcException(new Grpc.Core.Status(status, "injected by the fake"));
            }

            return await continuation(request, context);
        }
    }
}
