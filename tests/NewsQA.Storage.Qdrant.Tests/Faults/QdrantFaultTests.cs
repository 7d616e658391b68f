using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Faults;

/// <summary>
/// What callers see when Qdrant misbehaves: always a <see cref="StoreUnavailableException"/> naming "Qdrant", after
/// the retries the options allow and within the total timeout, and a store that recovers on its own.
/// Timeouts are the short ones of <see cref="QdrantTestStores"/>: 0.5 s per attempt, 2 s in total, 2 retries.
/// </summary>
public sealed class QdrantFaultTests : IAsyncLifetime
{
    private FakeQdrantServer server = null!;
    private ServiceProvider provider = null!;
    private QdrantNewsStore store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await FakeQdrantServer.StartNewAsync();
        provider = QdrantTestStores.Services(server.Url, QdrantTestStores.UniquePrefix());
        store = provider.GetRequiredService<QdrantNewsStore>();
        await store.Documents.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task UnavailableServer_IsRetriedThenReportedAsUnavailable()
    {
        server.FailWithUnavailable = true;
        var before = server.CallCount;

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Documents.GetAsync("a", Ct));

        Assert.Equal("Qdrant", ex.Component);
        Assert.Equal(StatusCode.Unavailable, Assert.IsType<RpcException>(ex.InnerException).StatusCode);
        Assert.Equal(1 + 2, server.CallCount - before);
    }

    [Theory]
    [InlineData(StatusCode.ResourceExhausted, 3)]
    [InlineData(StatusCode.Internal, 1)]
    public async Task ServerSideFailures_AreUnavailable_RetriedOnlyWhenTransient(StatusCode status, int expectedCalls)
    {
        server.FailWith = status;
        var before = server.CallCount;

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Documents.GetAsync("a", Ct));

        Assert.Equal("Qdrant", ex.Component);
        Assert.Contains(status.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("injected by the fake", ex.Message, StringComparison.Ordinal);
        Assert.Equal(expectedCalls, server.CallCount - before);
    }

    [Fact]
    public async Task HangingServer_IsReportedAsUnavailableWithinTheTotalTimeout()
    {
        server.Hang = true;
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));

        Assert.Equal("Qdrant", ex.Component);
        Assert.Contains("in time", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(4));
        // Each attempt ran into its gRPC deadline and was retried, until the total timeout.
        Assert.True(server.CallCount >= 2);
    }

    [Fact]
    public async Task SlowServer_WithinTheAttemptTimeout_StillAnswers()
    {
        // Timeouts generous enough that a loaded test machine cannot make a 300 ms answer late.
        await using var patient = QdrantTestStores.Services(server.Url, QdrantTestStores.UniquePrefix(), new Dictionary<string, string?>
        {
            ["Store:Qdrant:AttemptTimeout"] = "00:00:10",
            ["Store:Qdrant:TotalTimeout"] = "00:00:30",
            ["Store:Qdrant:MaxRetries"] = "0",
        });
        var slowStore = patient.GetRequiredService<IDocumentStore>();
        await slowStore.InitializeAsync(Ct);
        server.Delay = TimeSpan.FromMilliseconds(300);

        Assert.Null(await slowStore.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task StoppedServer_IsReportedAsUnavailable()
    {
        await server.StopAsync();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Documents.ListAsync(10, null, Ct));

        Assert.Equal("Qdrant", ex.Component);
        Assert.Contains("cannot be reached", ex.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, Assert.IsType<RpcException>(ex.InnerException).StatusCode);
        Assert.DoesNotContain(server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAgainstADownServer_IsReportedAsUnavailable()
    {
        await server.StopAsync();
        await using var fresh = QdrantTestStores.Services(server.Url, QdrantTestStores.UniquePrefix());

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => fresh.GetRequiredService<IDocumentStore>().InitializeAsync(Ct));

        Assert.Equal("Qdrant", ex.Component);
    }

    [Fact]
    public async Task SameStoreObject_RecoversAfterTheServerRestarts()
    {
        var (doc, chunks) = StoreTestData.Document("kept", "Die Ukraine baut Drohnen. Die Armee setzt sie ein.");
        await store.Documents.UpsertAsync(doc, chunks, Ct);
        await server.StopAsync();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Documents.GetAsync("kept", Ct));

        await server.StartAsync();

        // The channel reconnects on its own within its reconnect backoff (at most 2 s).
        var clock = Stopwatch.StartNew();
        NewsQA.Core.Documents.NewsDocument? back = null;
        while (back is null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                back = await store.Documents.GetAsync("kept", Ct);
            }
            catch (StoreUnavailableException)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.Equal(doc.Text, back?.Text);
        Assert.NotEmpty(await store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_AndStillSurfaceAsUnavailable()
    {
        server.FailWithUnavailable = true;
        StoreUnavailableException? last = null;
        for (var i = 0; i < 8 && last?.Message.Contains("circuit", StringComparison.Ordinal) != true; i++)
        {
            last = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Documents.GetAsync("a", Ct));
        }

        Assert.NotNull(last);
        Assert.Equal("Qdrant", last.Component);
        Assert.Contains("circuit open", last.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.AlreadyExists)]
    public async Task NonTransientStatus_IsNeverRetried(StatusCode status)
    {
        server.FailWith = status;
        var before = server.CallCount;

        await Assert.ThrowsAnyAsync<Exception>(() => store.Documents.GetAsync("a", Ct));

        Assert.Equal(1, server.CallCount - before);
    }

    [Fact]
    public async Task RejectedRequest_IsABugNotAnOutage_AndIsNotRetried()
    {
        // InvalidArgument means our request was wrong: retrying cannot help, and a 503 would blame the server.
        var calls = provider.GetRequiredService<QdrantCalls>();
        var before = server.CallCount;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => calls.RunAsync(
            "Query",
            (c, t) => c.QueryAsync(QdrantTestStores.ChunksOf(store), new float[] { 1, 0 }, usingVector: "no-such-vector", limit: 3, cancellationToken: t),
            Ct));

        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(ex.InnerException).StatusCode);
        Assert.Equal(1, server.CallCount - before);
    }
}
