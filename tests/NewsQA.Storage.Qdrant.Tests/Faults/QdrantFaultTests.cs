using System.Diagnostics;
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
        await store.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ServerErrors_AreRetriedThenReportedAsUnavailable()
    {
        server.FailWith500 = true;
        var before = server.RequestCount;

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("a", Ct));

        Assert.Equal("Qdrant", ex.Component);
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1 + 2, server.RequestCount - before);
    }

    [Fact]
    public async Task HangingServer_IsReportedAsUnavailableWithinTheTotalTimeout()
    {
        server.Hang = true;
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));

        Assert.Equal("Qdrant", ex.Component);
        Assert.Contains("in time", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task SlowServer_WithinTheAttemptTimeout_StillAnswers()
    {
        server.Delay = TimeSpan.FromMilliseconds(100);

        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task StoppedServer_IsReportedAsUnavailable()
    {
        await server.StopAsync();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListAsync(10, null, Ct));

        Assert.Equal("Qdrant", ex.Component);
        Assert.Contains("cannot be reached", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task InitializeAgainstADownServer_IsReportedAsUnavailable()
    {
        await server.StopAsync();
        await using var fresh = QdrantTestStores.Services(server.Url, QdrantTestStores.UniquePrefix());

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => fresh.GetRequiredService<INewsStore>().InitializeAsync(Ct));

        Assert.Equal("Qdrant", ex.Component);
    }

    [Fact]
    public async Task SameStoreObject_RecoversAfterTheServerRestarts()
    {
        var (doc, chunks) = StoreTestData.Document("kept", "Die Ukraine baut Drohnen. Die Armee setzt sie ein.");
        await store.UpsertAsync(doc, chunks, Ct);
        await server.StopAsync();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("kept", Ct));

        await server.StartAsync();

        Assert.Equal(doc.Text, (await store.GetAsync("kept", Ct))?.Text);
        Assert.NotEmpty(await store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_AndStillSurfaceAsUnavailable()
    {
        server.FailWith500 = true;
        StoreUnavailableException? last = null;
        for (var i = 0; i < 8 && last?.Message.Contains("circuit", StringComparison.Ordinal) != true; i++)
        {
            last = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("a", Ct));
        }

        Assert.NotNull(last);
        Assert.Equal("Qdrant", last.Component);
        Assert.Contains("circuit open", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedRequest_IsABugNotAnOutage_AndIsNotRetried()
    {
        // A 400 means our request was wrong: retrying cannot help, and a 503 would blame the server.
        var client = provider.GetRequiredService<QdrantRestClient>();
        var before = server.RequestCount;

        var query = new Http.QueryRequest(new float[] { 1, 0 }, 3, Using: "no-such-vector");
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.QueryAsync(QdrantTestStores.ChunksOf(store), query, Ct));

        Assert.Equal(1, server.RequestCount - before);
    }
}
