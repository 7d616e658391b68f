using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>
/// The behaviour every <see cref="INewsStore"/> backend must show. Each backend's test class derives
/// from this and supplies a fresh, empty store; every test builds its own data, so tests share nothing.
/// </summary>
public abstract class NewsStoreContractTests : IAsyncLifetime
{
    private INewsStore? store;

    protected INewsStore Store => store ?? throw new InvalidOperationException("Store not created.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty, initialized store.</summary>
    protected abstract Task<INewsStore> CreateStoreAsync();

    /// <summary>The same data opened anew, as after a process restart.</summary>
    protected abstract Task<INewsStore> ReopenAsync();

    public async ValueTask InitializeAsync() => store = await CreateStoreAsync();

    public virtual ValueTask DisposeAsync()
    {
        (store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private const string Drones = "Die Ukraine baut Drohnen in großer Zahl. Die Armee setzt die Drohnen an der Front ein. Russland meldet Angriffe.";
    private const string Budget = "Der Bundestag berät über den Haushalt. Die Schuldenbremse bleibt umstritten. Die Grünen fordern neue Ausgaben.";

    [Fact]
    public async Task UpsertThenGet_ReturnsDocumentAndChunksInOrder()
    {
        var (doc, chunks) = StoreTestData.Document("a1", Drones, new PublicationDate(2025, 7));
        await Store.UpsertAsync(doc, chunks, Ct);

        var stored = await Store.GetAsync("a1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(doc.Text, stored.Text);
        Assert.Equal(doc.ContentHash, stored.ContentHash);
        Assert.Equal(new PublicationDate(2025, 7), stored.PublishedAt);
        Assert.Equal(doc.ContentHash, await Store.GetContentHashAsync("a1", Ct));

        var storedChunks = await Store.GetChunksAsync("a1", Ct);
        Assert.Equal(chunks.Select(c => c.Chunk.Id), storedChunks.Select(c => c.Id));
        Assert.All(storedChunks, c => Assert.Equal(c.Text, c.Span.Slice(stored.Text)));
    }

    [Fact]
    public async Task UnknownDocument_IsAbsent()
    {
        Assert.Null(await Store.GetAsync("missing", Ct));
        Assert.Null(await Store.GetContentHashAsync("missing", Ct));
        Assert.Empty(await Store.GetChunksAsync("missing", Ct));
        Assert.False(await Store.DeleteAsync("missing", Ct));
    }

    [Fact]
    public async Task UpsertAgain_ReplacesOldChunks()
    {
        var (v1, chunks1) = StoreTestData.Document("doc", Drones, vectorOf: i => StoreTestData.Axis(i));
        await Store.UpsertAsync(v1, chunks1, Ct);
        var (v2, chunks2) = StoreTestData.Document("doc", Budget, vectorOf: i => StoreTestData.Axis(i + 4));
        await Store.UpsertAsync(v2, chunks2, Ct);
        await Store.UpsertAsync(v2, chunks2, Ct);

        Assert.Equal(Budget, (await Store.GetAsync("doc", Ct))!.Text);
        Assert.Equal(chunks2.Count, (await Store.GetChunksAsync("doc", Ct)).Count);
        Assert.Empty(await Store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 10, Ct));
        var dense = await Store.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 10, Ct);
        Assert.All(dense, h => Assert.Contains(h.Chunk.Text, Budget));
        Assert.Equal(chunks2.Count, dense.Count);
        Assert.Equal(1, (await Store.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task Delete_RemovesDocumentFromEverySearch()
    {
        var (a, ca) = StoreTestData.Document("a", Drones, vectorOf: i => StoreTestData.Axis(0));
        var (b, cb) = StoreTestData.Document("b", Budget, vectorOf: i => StoreTestData.Axis(1));
        await Store.UpsertAsync(a, ca, Ct);
        await Store.UpsertAsync(b, cb, Ct);

        Assert.True(await Store.DeleteAsync("a", Ct));

        Assert.Null(await Store.GetAsync("a", Ct));
        Assert.Empty(await Store.SearchLexicalAsync(StoreTestData.Terms("Drohnen Ukraine"), SearchFilter.None, 10, Ct));
        var dense = await Store.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 10, Ct);
        Assert.All(dense, h => Assert.Equal("b", h.Chunk.DocumentId));
        Assert.Equal(["b"], (await Store.ListAsync(10, null, Ct)).Select(d => d.Id));
    }

    /// <summary>Stores one single-text document per (id, text), in order.</summary>
    private async Task StoreAsync(params (string Id, string Text)[] documents)
    {
        foreach (var (id, text) in documents)
        {
            var (document, chunks) = StoreTestData.Document(id, text);
            await Store.UpsertAsync(document, chunks, Ct);
        }
    }

    [Fact]
    public async Task LexicalSearch_MatchesInflectedGermanFormsBestFirst()
    {
        await StoreAsync(("a", Drones), ("b", Budget));

        // "Drohne" (singular) must meet "Drohnen" in the text: the analyzer stems both sides.
        var hits = await Store.SearchLexicalAsync(StoreTestData.Terms("Drohne"), SearchFilter.None, 10, Ct);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("a", h.Chunk.DocumentId));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Chunk.Id), hits.Select(h => h.Chunk.Id));
        Assert.All(hits, h => Assert.Equal("Titel a", h.Document.Title));
    }

    [Fact]
    public async Task LexicalSearch_RanksACompoundByItsPart()
    {
        await StoreAsync(("a", "Die Eisenbahnstrecken in Victoria haben verschiedene Spurweiten."), ("c", "Victoria wählt."), ("b", Budget));

        // Both Victoria texts share the term "victoria"; the shorter would win on terms alone. "Strecken" is no term of
        // either, but its grams (TermGrams) meet the compound's. The budget text shares no term: at most its one gram
        // "str" (umstritten) lets the unknown term's grams find it, and then below both.
        var hits = await Store.SearchLexicalAsync(StoreTestData.Terms("Strecken in Victoria"), SearchFilter.None, 10, Ct);

        Assert.Equal(["a", "c"], hits.Select(h => h.Chunk.DocumentId).Take(2));
        Assert.All(hits.Skip(2), h => Assert.Equal("b", h.Chunk.DocumentId));
        Assert.Equal("a", (await Store.SearchLexicalAsync(StoreTestData.Terms("Strecken"), SearchFilter.None, 10, Ct))[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task LexicalSearch_FindsAMisspeltWordByItsLetters_OnlyWhenNoChunkHasIt()
    {
        await StoreAsync(("a", Drones), ("b", Budget));

        // "Ukriane" is no term of any chunk, so its grams stand in for it (TermGrams.UnknownTermWeight) and find the
        // drones text, which shares "_uk" and "ukr" with it; the budget text shares none of its grams, nor does it pass a filter to one other document.
        var misspelt = await Store.SearchLexicalAsync(StoreTestData.Terms("Ukriane"), SearchFilter.None, 10, Ct);
        Assert.Equal(["a"], misspelt.Select(h => h.Chunk.DocumentId).Distinct());
        Assert.Empty(await Store.SearchLexicalAsync(StoreTestData.Terms("Ukriane"), new SearchFilter { DocumentIds = ["b"] }, 10, Ct));

        // "Haushalt" is a known term: grams never find passages for it, so the drones text stays out.
        var known = await Store.SearchLexicalAsync(StoreTestData.Terms("Haushalt"), SearchFilter.None, 10, Ct);
        Assert.Equal(["b"], known.Select(h => h.Chunk.DocumentId).Distinct());
    }

    [Fact]
    public async Task LexicalSearch_RespectsTop()
    {
        for (var i = 0; i < 5; i++)
        {
            var (d, c) = StoreTestData.Document($"d{i}", Drones);
            await Store.UpsertAsync(d, c, Ct);
        }

        Assert.Equal(3, (await Store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 3, Ct)).Count);
    }

    [Fact]
    public async Task DenseSearch_ReturnsNearestFirst()
    {
        for (var i = 0; i < 4; i++)
        {
            var axis = i;
            var (d, c) = StoreTestData.Document($"d{i}", $"Artikel Nummer {i} über Thema {i}.", vectorOf: _ => StoreTestData.Axis(axis));
            await Store.UpsertAsync(d, c, Ct);
        }

        var hits = await Store.SearchDenseAsync(StoreTestData.Axis(2), SearchFilter.None, 2, Ct);

        Assert.Equal(2, hits.Count);
        Assert.Equal("d2", hits[0].Chunk.DocumentId);
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.InRange(hits[0].Score, 0.99, 1.0001);
    }

    [Fact]
    public async Task Filters_ApplyBeforeRanking()
    {
        var (a, ca) = StoreTestData.Document("a", Drones, new PublicationDate(2025, 7), "dpa", _ => StoreTestData.Axis(0));
        var (b, cb) = StoreTestData.Document("b", Drones, new PublicationDate(2025, 6, 30), "AFP", _ => StoreTestData.Axis(0, 0.2f));
        var (c, cc) = StoreTestData.Document("c", Drones, null, "dpa", _ => StoreTestData.Axis(0, 0.3f));
        foreach (var (d, ch) in new[] { (a, ca), (b, cb), (c, cc) })
        {
            await Store.UpsertAsync(d, ch, Ct);
        }

        async Task<string[]> Docs(SearchFilter f, bool dense)
        {
            var hits = dense
                ? await Store.SearchDenseAsync(StoreTestData.Axis(0), f, 1, Ct)
                : await Store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), f, 1, Ct);
            return hits.Select(h => h.Chunk.DocumentId).Distinct().Order().ToArray();
        }

        foreach (var dense in new[] { false, true })
        {
            Assert.Equal(["b"], await Docs(new SearchFilter { DocumentIds = ["b"] }, dense));
            Assert.Equal(["b"], await Docs(new SearchFilter { Sources = ["afp"] }, dense));

            // "2025-07" is known only to the month: it overlaps a range starting mid-July.
            Assert.Equal(["a"], await Docs(new SearchFilter { PublishedFrom = new PublicationDate(2025, 7, 15) }, dense));
            Assert.Equal(["b"], await Docs(new SearchFilter { PublishedTo = new PublicationDate(2025, 6, 30) }, dense));
            Assert.Equal(["a"], await Docs(new SearchFilter { PublishedFrom = new PublicationDate(2025, 7), PublishedTo = new PublicationDate(2025, 7) }, dense));
        }
    }

    [Fact]
    public async Task Language_IsStoredReturnedAndFiltered()
    {
        var (de, cde) = StoreTestData.Document("de1", Drones, vectorOf: _ => StoreTestData.Axis(0));
        var (en, cen) = StoreTestData.Document("en1", Drones, vectorOf: _ => StoreTestData.Axis(0, 0.2f), language: "en");
        await Store.UpsertAsync(de, cde, Ct);
        await Store.UpsertAsync(en, cen, Ct);

        Assert.Equal("de", (await Store.GetAsync("de1", Ct))!.Language);
        Assert.Equal("en", (await Store.GetAsync("en1", Ct))!.Language);
        Assert.Equal(["de", "en"], (await Store.ListAsync(10, null, Ct)).Select(s => s.Language));
        foreach (var dense in new[] { false, true })
        {
            foreach (var language in new[] { "de", "en" })
            {
                var filter = new SearchFilter { Languages = [language] };
                var hits = dense
                    ? await Store.SearchDenseAsync(StoreTestData.Axis(0), filter, 10, Ct)
                    : await Store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), filter, 10, Ct);
                Assert.NotEmpty(hits);
                Assert.All(hits, h => Assert.Equal(language, h.Document.Language));
                Assert.All(hits, h => Assert.Equal(language + "1", h.Chunk.DocumentId));
            }

            var french = dense
                ? await Store.SearchDenseAsync(StoreTestData.Axis(0), new SearchFilter { Languages = ["fr"] }, 10, Ct)
                : await Store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), new SearchFilter { Languages = ["fr"] }, 10, Ct);
            Assert.Empty(french);
        }

        var reopened = await ReopenAsync();
        Assert.Equal("en", (await reopened.GetAsync("en1", Ct))!.Language);
        Assert.Equal(["de", "en"], (await reopened.ListAsync(10, null, Ct)).Select(s => s.Language));
    }

    [Fact]
    public async Task List_PagesByIdWithCursor()
    {
        foreach (var id in new[] { "c", "a", "e", "b", "d" })
        {
            var (d, c) = StoreTestData.Document(id, Budget);
            await Store.UpsertAsync(d, c, Ct);
        }

        var first = await Store.ListAsync(2, null, Ct);
        var second = await Store.ListAsync(2, first[^1].Id, Ct);
        var third = await Store.ListAsync(2, second[^1].Id, Ct);

        Assert.Equal(["a", "b", "c", "d", "e"], first.Concat(second).Concat(third).Select(d => d.Id));
        Assert.Single(third);
        Assert.All(first, d => Assert.True(d.Chunks > 0));
    }

    [Fact]
    public async Task EmbeddingModel_MismatchIsRefusedOnceVectorsExist()
    {
        await Store.RecordEmbeddingModelAsync("model-a", 8, Ct);
        var (d, c) = StoreTestData.Document("a", Drones, vectorOf: _ => StoreTestData.Axis(0));
        await Store.UpsertAsync(d, c, Ct);
        await Store.RecordEmbeddingModelAsync("model-a", 8, Ct);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Store.RecordEmbeddingModelAsync("model-b", 8, Ct));
        var stats = await Store.GetStatisticsAsync(Ct);
        Assert.Equal("model-a", stats.EmbeddingModel);
        Assert.Equal(8, stats.EmbeddingDimensions);
    }

    [Fact]
    public async Task ResetEmbeddingModel_DropsOldVectorsSoANewModelCanFollow()
    {
        await Store.RecordEmbeddingModelAsync("model-a", 8, Ct);
        var (d, c) = StoreTestData.Document("a", Drones, vectorOf: _ => StoreTestData.Axis(0));
        await Store.UpsertAsync(d, c, Ct);

        await Store.ResetEmbeddingModelAsync("model-b", 8, Ct);

        Assert.Empty(await Store.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 5, Ct));
        Assert.NotEmpty(await Store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));
        Assert.Equal("model-b", (await Store.GetStatisticsAsync(Ct)).EmbeddingModel);
        await Store.RecordEmbeddingModelAsync("model-b", 8, Ct);
        await Store.UpsertAsync(d, c, Ct);
        Assert.Equal("a", (await Store.SearchDenseAsync(StoreTestData.Axis(0), SearchFilter.None, 1, Ct))[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Data_SurvivesReopen()
    {
        var (d, c) = StoreTestData.Document("kept", Drones, new PublicationDate(2024, 4, 30), "dpa", _ => StoreTestData.Axis(3));
        await Store.UpsertAsync(d, c, Ct);

        var reopened = await ReopenAsync();

        Assert.Equal(Drones, (await reopened.GetAsync("kept", Ct))!.Text);
        Assert.NotEmpty(await reopened.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));
        Assert.Equal("kept", (await reopened.SearchDenseAsync(StoreTestData.Axis(3), SearchFilter.None, 1, Ct))[0].Chunk.DocumentId);
        (reopened as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task TextWithEmojiAndCombiningMarks_KeepsExactSpans()
    {
        const string text = "Der Präsident 👩‍👩‍👧 sprach über Cafe\u0301s. Danach 🇩🇪 reiste er ab. Ende.";
        var (d, c) = StoreTestData.Document("emoji", text, targetChars: 20);
        await Store.UpsertAsync(d, c, Ct);

        var stored = (await Store.GetAsync("emoji", Ct))!;
        var hits = await Store.SearchLexicalAsync(StoreTestData.Terms("reiste"), SearchFilter.None, 5, Ct);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(h.Chunk.Text, h.Chunk.Span.Slice(stored.Text)));
    }
}
