using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>
/// The behaviour every backend's <see cref="ILexicalIndex"/> must show: German forms, compounds and misspellings found
/// as the analysis and the grams intend, filters before ranking, and every write of the document store followed.
/// </summary>
public abstract class LexicalIndexContractTests<TBackend> : StoreContractTests<TBackend>
    where TBackend : IStoreBackend, new()
{
    [Fact]
    public async Task UpsertAgain_ReplacesOldTerms()
    {
        var (v1, chunks1) = StoreTestData.Document("doc", Drones, vectorOf: i => StoreTestData.Axis(i));
        await Store.Documents.UpsertAsync(v1, chunks1, Ct);
        var (v2, chunks2) = StoreTestData.Document("doc", Budget, vectorOf: i => StoreTestData.Axis(i + 4));
        await Store.Documents.UpsertAsync(v2, chunks2, Ct);
        await Store.Documents.UpsertAsync(v2, chunks2, Ct);

        Assert.Empty(await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task Delete_RemovesDocumentFromLexicalSearch()
    {
        var (a, ca) = StoreTestData.Document("a", Drones, vectorOf: i => StoreTestData.Axis(0));
        var (b, cb) = StoreTestData.Document("b", Budget, vectorOf: i => StoreTestData.Axis(1));
        await Store.Documents.UpsertAsync(a, ca, Ct);
        await Store.Documents.UpsertAsync(b, cb, Ct);

        Assert.True(await Store.Documents.DeleteAsync("a", Ct));

        Assert.Empty(await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen Ukraine"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task LexicalSearch_MatchesInflectedGermanFormsBestFirst()
    {
        await StoreAsync(("a", Drones), ("b", Budget));

        // "Drohne" (singular) must meet "Drohnen" in the text: the analyzer stems both sides.
        var hits = await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohne"), SearchFilter.None, 10, Ct);

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
        var hits = await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Strecken in Victoria"), SearchFilter.None, 10, Ct);

        Assert.Equal(["a", "c"], hits.Select(h => h.Chunk.DocumentId).Take(2));
        Assert.All(hits.Skip(2), h => Assert.Equal("b", h.Chunk.DocumentId));
        Assert.Equal("a", (await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Strecken"), SearchFilter.None, 10, Ct))[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task LexicalSearch_FindsAMisspeltWordByItsLetters_OnlyWhenNoChunkHasIt()
    {
        await StoreAsync(("a", Drones), ("b", Budget));

        // "Ukriane" is no term of any chunk, so its grams stand in for it (TermGrams.UnknownTermWeight) and find the
        // drones text, which shares "_uk" and "ukr" with it; the budget text shares none of its grams, nor does it pass a filter to one other document.
        var misspelt = await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Ukriane"), SearchFilter.None, 10, Ct);
        Assert.Equal(["a"], misspelt.Select(h => h.Chunk.DocumentId).Distinct());
        Assert.Empty(await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Ukriane"), new SearchFilter { DocumentIds = ["b"] }, 10, Ct));

        // "Haushalt" is a known term: grams never find passages for it, so the drones text stays out.
        var known = await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Haushalt"), SearchFilter.None, 10, Ct);
        Assert.Equal(["b"], known.Select(h => h.Chunk.DocumentId).Distinct());
    }

    [Fact]
    public async Task LexicalSearch_RespectsTop()
    {
        for (var i = 0; i < 5; i++)
        {
            var (d, c) = StoreTestData.Document($"d{i}", Drones);
            await Store.Documents.UpsertAsync(d, c, Ct);
        }

        Assert.Equal(3, (await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 3, Ct)).Count);
    }

    [Fact]
    public Task Filters_ApplyBeforeRanking() => AssertFiltersApplyBeforeRankingAsync((filter, top) => Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), filter, top, Ct));

    [Fact]
    public Task Language_IsFiltered() => AssertLanguageIsFilteredAsync((filter, top) => Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), filter, top, Ct));

    [Fact]
    public async Task Data_SurvivesReopen()
    {
        var (d, c) = StoreTestData.Document("kept", Drones, new PublicationDate(2024, 4, 30), "dpa", _ => StoreTestData.Axis(3));
        await Store.Documents.UpsertAsync(d, c, Ct);

        var reopened = await ReopenAsync();

        Assert.NotEmpty(await reopened.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));
    }

    [Fact]
    public async Task TextWithEmojiAndCombiningMarks_KeepsExactSpans()
    {
        const string text = "Der Präsident 👩‍👩‍👧 sprach über Cafe\u0301s. Danach 🇩🇪 reiste er ab. Ende.";
        var (d, c) = StoreTestData.Document("emoji", text, targetChars: 20);
        await Store.Documents.UpsertAsync(d, c, Ct);

        var stored = (await Store.Documents.GetAsync("emoji", Ct))!;
        var hits = await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("reiste"), SearchFilter.None, 5, Ct);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(h.Chunk.Text, h.Chunk.Span.Slice(stored.Text)));
    }
}
