using NewsQA.Core.Storage;
using NewsQA.Core.Documents;
namespace NewsQA.Testing.Contract;

/// <summary>
/// What the parts of the store contract suite share: a fresh <typeparamref name="TBackend"/> per test, opened empty,
/// and the texts the tests store. Each part covers one contract (<see cref="DocumentStoreContractTests{TBackend}"/>,
/// <see cref="LexicalIndexContractTests{TBackend}"/>, <see cref="VectorIndexContractTests{TBackend}"/>,
/// <see cref="EmbeddingModelRecordContractTests{TBackend}"/>); each backend's test project derives a class from every
/// part, so every backend runs every part. Every test builds its own data.
/// </summary>
public abstract class StoreContractTests<TBackend> : IAsyncLifetime
    where TBackend : IStoreBackend, new()
{
    protected const string Drones = "Die Ukraine baut Drohnen in großer Zahl. Die Armee setzt die Drohnen an der Front ein. Russland meldet Angriffe.";
    protected const string Budget = "Der Bundestag berät über den Haushalt. Die Schuldenbremse bleibt umstritten. Die Grünen fordern neue Ausgaben.";

    private StoreContracts? store;

    protected TBackend Backend { get; } = new();

    protected StoreContracts Store => store ?? throw new InvalidOperationException("Store not created.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => store = await Backend.CreateAsync(Ct);

    public virtual async ValueTask DisposeAsync()
    {
        await Backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The same data opened anew, as after a process restart.</summary>
    protected Task<StoreContracts> ReopenAsync() => Backend.ReopenAsync(Ct);

    /// <summary>Stores one single-text document per (id, text), in order.</summary>
    protected async Task StoreAsync(params (string Id, string Text)[] documents)
    {
        foreach (var (id, text) in documents)
        {
            var (document, chunks) = StoreTestData.Document(id, text);
            await Store.Documents.UpsertAsync(document, chunks, Ct);
        }
    }

    /// <summary>
    /// Both indexes filter before they rank, so <c>top</c> results match the filter: ids, sources (any letter case), and
    /// dates by what the document's precision allows. <paramref name="search"/> is the index's search for a query every
    /// stored text matches.
    /// </summary>
    protected async Task AssertFiltersApplyBeforeRankingAsync(Func<SearchFilter, int, Task<IReadOnlyList<ChunkHit>>> search)
    {
        var (a, ca) = StoreTestData.Document("a", Drones, new PublicationDate(2025, 7), "dpa", _ => StoreTestData.Axis(0));
        var (b, cb) = StoreTestData.Document("b", Drones, new PublicationDate(2025, 6, 30), "AFP", _ => StoreTestData.Axis(0, 0.2f));
        var (c, cc) = StoreTestData.Document("c", Drones, null, "dpa", _ => StoreTestData.Axis(0, 0.3f));
        foreach (var (d, ch) in new[] { (a, ca), (b, cb), (c, cc) })
        {
            await Store.Documents.UpsertAsync(d, ch, Ct);
        }

        async Task<string[]> Docs(SearchFilter f)
        {
            var hits = await search(f, 1);
            return hits.Select(h => h.Chunk.DocumentId).Distinct().Order().ToArray();
        }

        Assert.Equal(["b"], await Docs(new SearchFilter { DocumentIds = ["b"] }));
        Assert.Equal(["b"], await Docs(new SearchFilter { Sources = ["afp"] }));

        // "2025-07" is known only to the month: it overlaps a range starting mid-July.
        Assert.Equal(["a"], await Docs(new SearchFilter { PublishedFrom = new PublicationDate(2025, 7, 15) }));
        Assert.Equal(["b"], await Docs(new SearchFilter { PublishedTo = new PublicationDate(2025, 6, 30) }));
        Assert.Equal(["a"], await Docs(new SearchFilter { PublishedFrom = new PublicationDate(2025, 7), PublishedTo = new PublicationDate(2025, 7) }));
    }

    /// <summary>A language filter keeps that language's documents only, and an unknown language finds nothing.</summary>
    protected async Task AssertLanguageIsFilteredAsync(Func<SearchFilter, int, Task<IReadOnlyList<ChunkHit>>> search)
    {
        var (de, cde) = StoreTestData.Document("de1", Drones, vectorOf: _ => StoreTestData.Axis(0));
        var (en, cen) = StoreTestData.Document("en1", Drones, vectorOf: _ => StoreTestData.Axis(0, 0.2f), language: "en");
        await Store.Documents.UpsertAsync(de, cde, Ct);
        await Store.Documents.UpsertAsync(en, cen, Ct);

        foreach (var language in new[] { "de", "en" })
        {
            var hits = await search(new SearchFilter { Languages = [language] }, 10);
            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Equal(language, h.Document.Language));
            Assert.All(hits, h => Assert.Equal(language + "1", h.Chunk.DocumentId));
        }

        Assert.Empty(await search(new SearchFilter { Languages = ["fr"] }, 10));
    }
}
