using CsCheck;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>
/// Collections as every backend must keep them: one id in two collections is two documents; reads, lists, counts and
/// every search stay inside the collection named; and the collection filter applies in the index, before ranking, so a
/// collection's top k is full even when another collection holds every better match.
/// </summary>
public abstract class CollectionContractTests<TBackend> : StoreContractTests<TBackend>
    where TBackend : IStoreBackend, new()
{
    private const string Desk = "desk";
    private const string Agency = "agency";

    [Fact]
    public async Task OneIdInTwoCollections_IsTwoDocuments()
    {
        await UpsertAsync(Desk, "x", Drones, 0);
        await UpsertAsync(Agency, "x", Budget, 1);

        Assert.Equal(Drones, (await Store.Documents.GetAsync(DocumentKey.Of(Desk, "x"), Ct))!.Text);
        Assert.Equal(Budget, (await Store.Documents.GetAsync(DocumentKey.Of(Agency, "x"), Ct))!.Text);
        Assert.Null(await Store.Documents.GetAsync("x", Ct));

        Assert.True(await Store.Documents.DeleteAsync(DocumentKey.Of(Desk, "x"), Ct));
        Assert.Null(await Store.Documents.GetAsync(DocumentKey.Of(Desk, "x"), Ct));
        Assert.Equal(Budget, (await Store.Documents.GetAsync(DocumentKey.Of(Agency, "x"), Ct))!.Text);
    }

    [Fact]
    public async Task ListsAndCounts_ArePerCollection()
    {
        await UpsertAsync(null, "d1", Drones, 0);
        await UpsertAsync(Desk, "a", Drones, 0);
        await UpsertAsync(Desk, "b", Budget, 1);
        await UpsertAsync(Agency, "a", Budget, 1);

        Assert.Equal(["d1"], (await Store.Documents.ListAsync(10, null, Ct, DocumentKey.DefaultCollection)).Select(s => s.Id));
        var desk = await Store.Documents.ListAsync(1, null, Ct, Desk);
        Assert.Equal([DocumentKey.Of(Desk, "a")], desk.Select(s => s.Id));
        Assert.Equal([DocumentKey.Of(Desk, "b")], (await Store.Documents.ListAsync(10, desk[0].Id, Ct, Desk)).Select(s => s.Id));
        Assert.Equal(4, (await Store.Documents.ListAsync(10, null, Ct)).Count);

        var counts = (await Store.Documents.GetStatisticsAsync(Ct)).Collections;
        Assert.Equal(1, counts[DocumentKey.DefaultCollection]);
        Assert.Equal(2, counts[Desk]);
        Assert.Equal(1, counts[Agency]);
    }

    [Fact]
    public async Task LexicalTopK_IsFullWhenAnotherCollectionMatchesBetter() =>
        await AssertTopKFullAsync((filter, top) => Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen Ukraine Front"), filter, top, Ct));

    [Fact]
    public async Task DenseTopK_IsFullWhenAnotherCollectionMatchesBetter() =>
        await AssertTopKFullAsync((filter, top) => Store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), filter, top, Ct));

    /// <summary>
    /// Random documents over a small vocabulary in two collections (and the default one): whatever is searched, in
    /// whichever collection, every hit is that collection's own, lexical and dense alike.
    /// </summary>
    [Fact]
    public async Task RandomDocuments_NeverSurfaceAcrossCollections()
    {
        string[] words = ["Drohnen", "Ukraine", "Haushalt", "Bundestag", "Front", "Grünen", "Armee", "Schulden", "Russland", "Ausgaben"];
        string[] collections = [DocumentKey.DefaultCollection, Desk, Agency];
        var sentence = Gen.Int[0, words.Length - 1].Array[3, 8].Select(ix => string.Join(' ', ix.Select(i => words[i])) + ".");
        var document = Gen.Select(Gen.Int[0, 2], sentence.Array[1, 3], Gen.Int[0, 7]);
        var stored = 0;
        await Gen.Select(document.Array[1, 4], Gen.Int[0, 2], Gen.Int[0, words.Length - 1], Gen.Int[0, 7]).SampleAsync(async sample =>
        {
            var (documents, searched, word, axis) = sample;
            foreach (var (collection, sentences, vectorAxis) in documents)
            {
                await UpsertAsync(collections[collection], $"r{stored++}", string.Join(' ', sentences), vectorAxis);
            }

            var filter = new SearchFilter { Collection = collections[searched] };
            var lexical = await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms(words[word]), filter, 10, Ct);
            var dense = await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(axis), filter, 10, Ct);
            Assert.All(lexical.Concat(dense), h =>
            {
                Assert.Equal(collections[searched], h.Document.Collection);
                Assert.Equal(collections[searched], DocumentKey.CollectionOf(h.Chunk.Id));
            });
        }, iter: 25, threads: 1);
    }

    private async Task AssertTopKFullAsync(Func<SearchFilter, int, Task<IReadOnlyList<ChunkHit>>> search)
    {
        // The agency holds many better matches (the query's words, the query's vector); the desk three weaker ones.
        for (var i = 0; i < 12; i++)
        {
            await UpsertAsync(Agency, $"best{i}", Drones, 0);
        }

        await UpsertAsync(Desk, "weak1", "Die Ukraine meldet neue Drohnen.", 1);
        await UpsertAsync(Desk, "weak2", "An der Front bleibt es ruhig. Die Ukraine wartet.", 2);
        await UpsertAsync(Desk, "weak3", "Drohnen über der Stadt. Der Haushalt ist knapp.", 3);

        var hits = await search(new SearchFilter { Collection = Desk }, 3);

        Assert.Equal([DocumentKey.Of(Desk, "weak1"), DocumentKey.Of(Desk, "weak2"), DocumentKey.Of(Desk, "weak3")], hits.Select(h => h.Chunk.DocumentId).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(await search(SearchFilter.None, 10), h => h.Document.Collection != DocumentKey.DefaultCollection);
    }

    private async Task UpsertAsync(string? collection, string id, string text, int axis)
    {
        var (document, chunks) = StoreTestData.Document(DocumentKey.Of(collection, id), text, vectorOf: _ => StoreTestData.Axis(axis), targetChars: 400);
        await Store.Documents.UpsertAsync(document, chunks, Ct);
    }
}
