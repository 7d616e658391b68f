using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>The behaviour every backend's <see cref="IVectorIndex"/> must show: nearest first, filters before ranking, and every write of the document store followed.</summary>
public abstract class VectorIndexContractTests<TBackend> : StoreContractTests<TBackend>
    where TBackend : IStoreBackend, new()
{
    [Fact]
    public async Task UpsertAgain_ReplacesOldVectors()
    {
        var (v1, chunks1) = StoreTestData.Document("doc", Drones, vectorOf: i => StoreTestData.Axis(i));
        await Store.Documents.UpsertAsync(v1, chunks1, Ct);
        var (v2, chunks2) = StoreTestData.Document("doc", Budget, vectorOf: i => StoreTestData.Axis(i + 4));
        await Store.Documents.UpsertAsync(v2, chunks2, Ct);
        await Store.Documents.UpsertAsync(v2, chunks2, Ct);

        var dense = await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 10, Ct);
        Assert.All(dense, h => Assert.Contains(h.Chunk.Text, Budget));
        Assert.Equal(chunks2.Count, dense.Count);
    }

    [Fact]
    public async Task Delete_RemovesDocumentFromDenseSearch()
    {
        var (a, ca) = StoreTestData.Document("a", Drones, vectorOf: i => StoreTestData.Axis(0));
        var (b, cb) = StoreTestData.Document("b", Budget, vectorOf: i => StoreTestData.Axis(1));
        await Store.Documents.UpsertAsync(a, ca, Ct);
        await Store.Documents.UpsertAsync(b, cb, Ct);

        Assert.True(await Store.Documents.DeleteAsync("a", Ct));

        var dense = await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 10, Ct);
        Assert.All(dense, h => Assert.Equal("b", h.Chunk.DocumentId));
    }

    [Fact]
    public async Task DenseSearch_ReturnsNearestFirst()
    {
        for (var i = 0; i < 4; i++)
        {
            var axis = i;
            var (d, c) = StoreTestData.Document($"d{i}", $"Artikel Nummer {i} über Thema {i}.", vectorOf: _ => StoreTestData.Axis(axis));
            await Store.Documents.UpsertAsync(d, c, Ct);
        }

        var hits = await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(2), SearchFilter.None, 2, Ct);

        Assert.Equal(2, hits.Count);
        Assert.Equal("d2", hits[0].Chunk.DocumentId);
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.InRange(hits[0].Score, 0.99, 1.0001);
    }

    [Fact]
    public Task Filters_ApplyBeforeRanking() => AssertFiltersApplyBeforeRankingAsync((filter, top) => Store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), filter, top, Ct));

    [Fact]
    public Task Language_IsFiltered() => AssertLanguageIsFilteredAsync((filter, top) => Store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), filter, top, Ct));

    [Fact]
    public async Task Data_SurvivesReopen()
    {
        var (d, c) = StoreTestData.Document("kept", Drones, new PublicationDate(2024, 4, 30), "dpa", _ => StoreTestData.Axis(3));
        await Store.Documents.UpsertAsync(d, c, Ct);

        var reopened = await ReopenAsync();

        Assert.Equal("kept", (await reopened.Vectors.SearchDenseAsync(StoreTestData.Axis(3), SearchFilter.None, 1, Ct))[0].Chunk.DocumentId);
    }
}
