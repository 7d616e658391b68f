using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Search;

/// <summary>
/// Issue 35 on Qdrant: the collection is a keyword payload indexed as Qdrant's tenant field (<c>is_tenant</c>) in both
/// Qdrant collections, and points written before collections (no such field) stay the default collection's.
/// </summary>
public sealed class CollectionPayloadTests : IAsyncLifetime
{
    private readonly string prefix = QdrantTestStores.UniquePrefix();
    private FakeQdrantServer server = null!;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider provider = null!;
    private StoreContracts store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await FakeQdrantServer.StartNewAsync();
        provider = QdrantTestStores.Services(server.Url, prefix);
        store = QdrantTestStores.Contracts(provider);
        await store.Documents.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public void CollectionField_IsATenantIndexInBothCollections()
    {
        var names = server.CollectionNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, n => Assert.Contains("collection", server.Collection(n).TenantFields));
    }

    [Fact]
    public async Task PointsWithoutACollection_AreTheDefaultCollections()
    {
        // A point of an older build: written, then its collection field taken away, as that build never wrote one.
        var (old, chunks) = StoreTestData.Document("alt", "Die Ukraine baut Drohnen in großer Zahl.", vectorOf: _ => StoreTestData.Axis(0));
        await store.Documents.UpsertAsync(old, chunks, Ct);
        foreach (var name in server.CollectionNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            server.Collection(name).RemovePayloadField("collection");
        }

        var (desk, deskChunks) = StoreTestData.Document(DocumentKey.Of("desk", "neu"), "Die Ukraine baut Drohnen in großer Zahl.", vectorOf: _ => StoreTestData.Axis(0));
        await store.Documents.UpsertAsync(desk, deskChunks, Ct);

        var lexical = await store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 10, Ct);
        var dense = await store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 10, Ct);

        Assert.Equal(["alt"], lexical.Select(h => h.Chunk.DocumentId).Distinct());
        Assert.Equal(["alt"], dense.Select(h => h.Chunk.DocumentId).Distinct());
        Assert.Equal(["alt"], (await store.Documents.ListAsync(10, null, Ct, DocumentKey.DefaultCollection)).Select(s => s.Id));
        var inDesk = await store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), new SearchFilter { Collection = "desk" }, 10, Ct);
        Assert.Equal([DocumentKey.Of("desk", "neu")], inDesk.Select(h => h.Chunk.DocumentId).Distinct());
    }
}
