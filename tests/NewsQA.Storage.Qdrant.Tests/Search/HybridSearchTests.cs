using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Search;

/// <summary>The server-side hybrid query (dense + lexical prefetches fused by RRF) and the store's lexical-only mode.</summary>
public sealed class HybridSearchTests : IAsyncLifetime
{
    private const string Drones = "Die Ukraine baut Drohnen in großer Zahl. Die Armee setzt die Drohnen an der Front ein.";
    private const string Budget = "Der Bundestag berät über den Haushalt. Die Schuldenbremse bleibt umstritten.";

    private FakeQdrantServer server = null!;
    private ServiceProvider provider = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await FakeQdrantServer.StartNewAsync();
        provider = QdrantTestStores.Services(server.Url, QdrantTestStores.UniquePrefix());
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Hybrid_FindsDocumentsMatchedByEitherSide_AndRespectsFilters()
    {
        var hybrid = provider.GetRequiredService<IServerSideHybridSearch>();
        var store = provider.GetRequiredService<IDocumentStore>();
        await store.InitializeAsync(Ct);
        var (a, ca) = StoreTestData.Document("a", Drones, source: "dpa", vectorOf: _ => StoreTestData.Axis(0));
        var (b, cb) = StoreTestData.Document("b", Budget, source: "AFP", vectorOf: _ => StoreTestData.Axis(5));
        await store.UpsertAsync(a, ca, Ct);
        await store.UpsertAsync(b, cb, Ct);

        // Lexically "Drohnen" (a), densely near b's axis: fusion returns both, higher is better.
        var both = await hybrid.SearchHybridAsync(StoreTestData.Axis(5), StoreTestData.Terms("Drohnen"), SearchFilter.None, 10, cancellationToken: Ct);
        var onlyAfp = await hybrid.SearchHybridAsync(StoreTestData.Axis(5), StoreTestData.Terms("Drohnen"), new SearchFilter { Sources = ["afp"] }, 10, cancellationToken: Ct);

        Assert.Equal(["a", "b"], both.Select(h => h.Chunk.DocumentId).Distinct().Order());
        Assert.Equal(both.OrderByDescending(h => h.Score).Select(h => h.Chunk.Id), both.Select(h => h.Chunk.Id));
        Assert.All(onlyAfp, h => Assert.Equal("b", h.Chunk.DocumentId));
        Assert.NotEmpty(onlyAfp);
    }

    [Fact]
    public async Task StoreWithoutEmbedder_WorksLexicalOnly()
    {
        var store = provider.GetRequiredService<QdrantNewsStore>();
        await store.Documents.InitializeAsync(Ct);
        var (a, ca) = StoreTestData.Document("a", Drones);
        await store.Documents.UpsertAsync(a, ca, Ct);

        Assert.NotEmpty(await store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohne"), SearchFilter.None, 5, cancellationToken: Ct));
        Assert.Empty(await store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 5, Ct));
        Assert.NotEmpty(await store.HybridSearch.SearchHybridAsync(StoreTestData.Axis(0), StoreTestData.Terms("Drohne"), SearchFilter.None, 5, cancellationToken: Ct));
        Assert.Null((await store.Documents.GetStatisticsAsync(Ct)).EmbeddingModel);
    }

    [Fact]
    public async Task ChunksOfAnUncommittedVersion_AreNotReturned()
    {
        // Simulates a crash after step (1) of an update: new chunks written, document record still the old one.
        var store = provider.GetRequiredService<QdrantNewsStore>();
        await store.Documents.InitializeAsync(Ct);
        var (v1, c1) = StoreTestData.Document("doc", Drones);
        await store.Documents.UpsertAsync(v1, c1, Ct);
        var (v2, c2) = StoreTestData.Document("doc", Budget);
        var calls = provider.GetRequiredService<QdrantCalls>();
        var orphan = c2.Select(c =>
        {
            var point = new global::Qdrant.Client.Grpc.PointStruct
            {
                Id = PointIds.Chunk(c.Chunk.Id, v2.ContentHash),
                Vectors = new Dictionary<string, global::Qdrant.Client.Grpc.Vector> { [QdrantSchema.LexicalVectorName] = LexicalVector.ForChunk(c.Terms, c.Terms)!.ToVector() },
            };
            point.Payload.Add(QdrantPayload.ForChunk(v2, c.Chunk));
            return point;
        }).ToList();
        await calls.RunAsync("Upsert", (q, t) => q.UpsertAsync(QdrantTestStores.ChunksOf(store), orphan, cancellationToken: t), Ct);

        Assert.Empty(await store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Haushalt"), SearchFilter.None, 5, Ct));
        Assert.Equal(c1.Count, (await store.Documents.GetChunksAsync("doc", Ct)).Count);

        // The next upsert of the document commits and clears the leftovers.
        await store.Documents.UpsertAsync(v1, c1, Ct);
        Assert.Equal(c1.Count, (await store.Documents.GetStatisticsAsync(Ct)).Chunks);
    }
}
