using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>The behaviour every backend's <see cref="IDocumentStore"/> must show: documents and chunks kept whole, replaced whole, listed, counted.</summary>
public abstract class DocumentStoreContractTests<TBackend> : StoreContractTests<TBackend>
    where TBackend : IStoreBackend, new()
{
    [Fact]
    public async Task UpsertThenGet_ReturnsDocumentAndChunksInOrder()
    {
        var (doc, chunks) = StoreTestData.Document("a1", Drones, new PublicationDate(2025, 7));
        await Store.Documents.UpsertAsync(doc, chunks, Ct);

        var stored = await Store.Documents.GetAsync("a1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(doc.Text, stored.Text);
        Assert.Equal(doc.ContentHash, stored.ContentHash);
        Assert.Equal(new PublicationDate(2025, 7), stored.PublishedAt);
        Assert.Equal(doc.ContentHash, await Store.Documents.GetContentHashAsync("a1", Ct));

        var storedChunks = await Store.Documents.GetChunksAsync("a1", Ct);
        Assert.Equal(chunks.Select(c => c.Chunk.Id), storedChunks.Select(c => c.Id));
        Assert.All(storedChunks, c => Assert.Equal(c.Text, c.Span.Slice(stored.Text)));
    }

    [Fact]
    public async Task UnknownDocument_IsAbsent()
    {
        Assert.Null(await Store.Documents.GetAsync("missing", Ct));
        Assert.Null(await Store.Documents.GetContentHashAsync("missing", Ct));
        Assert.Empty(await Store.Documents.GetChunksAsync("missing", Ct));
        Assert.False(await Store.Documents.DeleteAsync("missing", Ct));
    }

    [Fact]
    public async Task UpsertAgain_ReplacesOldChunks()
    {
        var (v1, chunks1) = StoreTestData.Document("doc", Drones, vectorOf: i => StoreTestData.Axis(i));
        await Store.Documents.UpsertAsync(v1, chunks1, Ct);
        var (v2, chunks2) = StoreTestData.Document("doc", Budget, vectorOf: i => StoreTestData.Axis(i + 4));
        await Store.Documents.UpsertAsync(v2, chunks2, Ct);
        await Store.Documents.UpsertAsync(v2, chunks2, Ct);

        Assert.Equal(Budget, (await Store.Documents.GetAsync("doc", Ct))!.Text);
        Assert.Equal(chunks2.Count, (await Store.Documents.GetChunksAsync("doc", Ct)).Count);
        Assert.Equal(1, (await Store.Documents.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task Upsert_SaysWhetherItCreated()
    {
        var (v1, chunks1) = StoreTestData.Document("neu", Drones);
        var (v2, chunks2) = StoreTestData.Document("neu", Budget);

        Assert.True(await Store.Documents.UpsertAsync(v1, chunks1, Ct));
        Assert.False(await Store.Documents.UpsertAsync(v2, chunks2, Ct));
        Assert.True(await Store.Documents.DeleteAsync("neu", Ct));
        Assert.True(await Store.Documents.UpsertAsync(v1, chunks1, Ct));
    }

    /// <summary>Issue 33 item 1: the file name an id came from is kept, and another file's document never replaces it.</summary>
    [Fact]
    public async Task DocumentOfAnotherFileName_IsRefused_AndTheStoredOneStays()
    {
        var (fromTxt, chunksTxt) = StoreTestData.Document("bericht", Drones);
        var (fromMd, chunksMd) = StoreTestData.Document("bericht", Budget);
        await Store.Documents.UpsertAsync(fromTxt with { FileName = "bericht.txt" }, chunksTxt, Ct);

        var ex = await Assert.ThrowsAsync<DocumentIdTakenException>(() => Store.Documents.UpsertAsync(fromMd with { FileName = "bericht.md" }, chunksMd, Ct));

        Assert.Equal("bericht", ex.DocumentId);
        var stored = await Store.Documents.GetAsync("bericht", Ct);
        Assert.Equal(Drones, stored!.Text);
        Assert.Equal("bericht.txt", stored.FileName);
        Assert.Equal(chunksTxt.Count, (await Store.Documents.GetChunksAsync("bericht", Ct)).Count);
        Assert.False(await Store.Documents.UpsertAsync(fromMd with { FileName = "bericht.txt" }, chunksMd, Ct));
    }

    [Fact]
    public async Task Delete_RemovesDocument()
    {
        var (a, ca) = StoreTestData.Document("a", Drones, vectorOf: i => StoreTestData.Axis(0));
        var (b, cb) = StoreTestData.Document("b", Budget, vectorOf: i => StoreTestData.Axis(1));
        await Store.Documents.UpsertAsync(a, ca, Ct);
        await Store.Documents.UpsertAsync(b, cb, Ct);

        Assert.True(await Store.Documents.DeleteAsync("a", Ct));

        Assert.Null(await Store.Documents.GetAsync("a", Ct));
        Assert.Equal(["b"], (await Store.Documents.ListAsync(10, null, Ct)).Select(d => d.Id));
    }

    [Fact]
    public async Task Language_IsStoredAndReturned()
    {
        var (de, cde) = StoreTestData.Document("de1", Drones, vectorOf: _ => StoreTestData.Axis(0));
        var (en, cen) = StoreTestData.Document("en1", Drones, vectorOf: _ => StoreTestData.Axis(0, 0.2f), language: "en");
        await Store.Documents.UpsertAsync(de, cde, Ct);
        await Store.Documents.UpsertAsync(en, cen, Ct);

        Assert.Equal("de", (await Store.Documents.GetAsync("de1", Ct))!.Language);
        Assert.Equal("en", (await Store.Documents.GetAsync("en1", Ct))!.Language);
        Assert.Equal(["de", "en"], (await Store.Documents.ListAsync(10, null, Ct)).Select(s => s.Language));

        var reopened = await ReopenAsync();
        Assert.Equal("en", (await reopened.Documents.GetAsync("en1", Ct))!.Language);
        Assert.Equal(["de", "en"], (await reopened.Documents.ListAsync(10, null, Ct)).Select(s => s.Language));
    }

    [Fact]
    public async Task List_PagesByIdWithCursor()
    {
        foreach (var id in new[] { "c", "a", "e", "b", "d" })
        {
            var (d, c) = StoreTestData.Document(id, Budget);
            await Store.Documents.UpsertAsync(d, c, Ct);
        }

        var first = await Store.Documents.ListAsync(2, null, Ct);
        var second = await Store.Documents.ListAsync(2, first[^1].Id, Ct);
        var third = await Store.Documents.ListAsync(2, second[^1].Id, Ct);

        Assert.Equal(["a", "b", "c", "d", "e"], first.Concat(second).Concat(third).Select(d => d.Id));
        Assert.Single(third);
        Assert.All(first, d => Assert.True(d.Chunks > 0));
    }

    [Fact]
    public async Task Data_SurvivesReopen()
    {
        var (d, c) = StoreTestData.Document("kept", Drones, new PublicationDate(2024, 4, 30), "dpa", _ => StoreTestData.Axis(3));
        await Store.Documents.UpsertAsync(d, c, Ct);

        var reopened = await ReopenAsync();

        Assert.Equal(Drones, (await reopened.Documents.GetAsync("kept", Ct))!.Text);
    }
}
