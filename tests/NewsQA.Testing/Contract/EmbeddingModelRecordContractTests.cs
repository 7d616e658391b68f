using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>The behaviour every backend's <see cref="IEmbeddingModelRecord"/> must show: one model's vectors at a time, and a reset that lets the next one in.</summary>
public abstract class EmbeddingModelRecordContractTests<TBackend> : StoreContractTests<TBackend>
    where TBackend : IStoreBackend, new()
{
    [Fact]
    public async Task EmbeddingModel_MismatchIsRefusedOnceVectorsExist()
    {
        await Store.EmbeddingModel.RecordEmbeddingModelAsync("model-a", 8, Ct);
        var (d, c) = StoreTestData.Document("a", Drones, vectorOf: _ => StoreTestData.Axis(0));
        await Store.Documents.UpsertAsync(d, c, Ct);
        await Store.EmbeddingModel.RecordEmbeddingModelAsync("model-a", 8, Ct);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Store.EmbeddingModel.RecordEmbeddingModelAsync("model-b", 8, Ct));
        var stats = await Store.Documents.GetStatisticsAsync(Ct);
        Assert.Equal("model-a", stats.EmbeddingModel);
        Assert.Equal(8, stats.EmbeddingDimensions);
    }

    [Fact]
    public async Task ResetEmbeddingModel_DropsOldVectorsSoANewModelCanFollow()
    {
        await Store.EmbeddingModel.RecordEmbeddingModelAsync("model-a", 8, Ct);
        var (d, c) = StoreTestData.Document("a", Drones, vectorOf: _ => StoreTestData.Axis(0));
        await Store.Documents.UpsertAsync(d, c, Ct);

        await Store.EmbeddingModel.ResetEmbeddingModelAsync("model-b", 8, Ct);

        Assert.Empty(await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 5, Ct));
        Assert.NotEmpty(await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));
        Assert.Equal("model-b", (await Store.Documents.GetStatisticsAsync(Ct)).EmbeddingModel);
        await Store.EmbeddingModel.RecordEmbeddingModelAsync("model-b", 8, Ct);
        await Store.Documents.UpsertAsync(d, c, Ct);
        Assert.Equal("a", (await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 1, Ct))[0].Chunk.DocumentId);
    }
}
