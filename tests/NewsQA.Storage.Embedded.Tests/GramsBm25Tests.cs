using NewsQA.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Embedded.Tests;

/// <summary>
/// The grams' BM25 the embedded store computes for its candidates must be the one FTS5's bm25() gives the same chunks,
/// or lexical search would rank differently than it was measured to (docs/quality.md).
/// </summary>
public sealed class GramsBm25Tests : IAsyncDisposable
{
    private static readonly string[] Texts =
    [
        "Die Eisenbahnstrecken in Victoria haben verschiedene Spurweiten.",
        "Der Verteidigungsminister traf sich in Brüssel mit den Amtskollegen der Kontaktgruppe.",
        "Die Strecke zwischen Wien und Graz wird bis 2030 ausgebaut; 71.000 Fahrgäste täglich.",
        "Im Museum für Musikinstrumente wurden Leihgaben aus Linz gezeigt.",
        "Streckensperre: Die Bahn meldet Verspätungen auf der Südstrecke.",
    ];

    private readonly TempFolder dataPath = new("newsqa-grams-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Eisenbahnstrecke Spurweite")]
    [InlineData("Verteidigungsminister Brüssel")]
    [InlineData("Strecken 71.000 Fahrgäste")]
    [InlineData("Musikinstrumente Leihgaben Linz Strecke")]
    public async Task ScoresOfChunks_EqualFts5Bm25OfTheSameGrams(string query)
    {
        using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = dataPath }), NullLogger<EmbeddedNewsStore>.Instance);
        await store.Documents.InitializeAsync(Ct);
        for (var i = 0; i < Texts.Length; i++)
        {
            var (doc, chunks) = StoreTestData.Document("d" + i, Texts[i]);
            await store.Documents.UpsertAsync(doc, chunks, Ct);
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "newsqa.db")}");
        await connection.OpenAsync(Ct);
        var grams = TermGrams.Of(StoreTestData.Terms(query)).Where(GramsBm25.IsOneToken).Distinct().ToList();

        // FTS5's own ranking function over the whole table, the figure the store used to take.
        var expected = new Dictionary<long, double>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT rowid, bm25(chunk_grams) FROM chunk_grams WHERE chunk_grams MATCH $match";
            cmd.Parameters.AddWithValue("$match", string.Join(" OR ", grams.Select(g => "\"" + g + "\"")));
            await using var reader = await cmd.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                expected[reader.GetInt64(0)] = -reader.GetDouble(1);
            }
        }

        var allRows = new List<long>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT rowid FROM chunk_grams";
            await using var reader = await cmd.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                allRows.Add(reader.GetInt64(0));
            }
        }

        var bm25 = await GramsBm25.OpenAsync(connection, new GramsBm25.RowCounts(0), Ct);
        Assert.NotNull(bm25);
        var actual = await bm25.ScoreAsync(connection, grams.ToDictionary(g => g, _ => 1.0), allRows, Ct);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (row, score) in expected)
        {
            Assert.Equal(score, actual[row], 9);
        }

        // A weight scales each gram's part, as weight × bm25() of that gram alone would.
        var halved = await bm25.ScoreAsync(connection, grams.ToDictionary(g => g, _ => 0.5), allRows, Ct);
        Assert.All(expected, e => Assert.Equal(e.Value / 2, halved[e.Key], 9));
    }

    [Fact]
    public async Task AfterAWrite_ScoresUseTheNewCounts_AsAStoreOpenedAfreshDoes()
    {
        var options = Options.Create(new EmbeddedStoreOptions { DataPath = dataPath });
        var query = StoreTestData.Terms("Streckensperre auf der Eisenbahnstrecke");
        using var store = new EmbeddedNewsStore(options, NullLogger<EmbeddedNewsStore>.Instance);
        await store.Documents.InitializeAsync(Ct);
        var (first, firstChunks) = StoreTestData.Document("d0", Texts[0]);
        await store.Documents.UpsertAsync(first, firstChunks, Ct);
        var before = await store.Lexical.SearchLexicalAsync(query, SearchFilter.None, 5, Ct);

        // New chunks change how many hold each gram, so the first chunk's grams' BM25 changes too.
        for (var i = 1; i < Texts.Length; i++)
        {
            var (doc, chunks) = StoreTestData.Document("d" + i, Texts[i]);
            await store.Documents.UpsertAsync(doc, chunks, Ct);
        }

        var after = await store.Lexical.SearchLexicalAsync(query, SearchFilter.None, 5, Ct);
        using var fresh = new EmbeddedNewsStore(options, NullLogger<EmbeddedNewsStore>.Instance);
        await fresh.Documents.InitializeAsync(Ct);
        var reopened = await fresh.Lexical.SearchLexicalAsync(query, SearchFilter.None, 5, Ct);

        Assert.NotEqual(before.Single(h => h.Chunk.DocumentId == "d0").Score, after.Single(h => h.Chunk.DocumentId == "d0").Score);
        Assert.Equal(reopened.Select(h => (h.Chunk.Id, h.Score)), after.Select(h => (h.Chunk.Id, h.Score)));
    }

    [Fact]
    public void AGramWithPunctuation_IsLeftOut_AsFts5ReadsItAsAPhrase()
    {
        Assert.True(GramsBm25.IsOneToken("_dr"));
        Assert.False(GramsBm25.IsOneToken("1.0"));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        dataPath.Dispose();

        return ValueTask.CompletedTask;
    }
}
