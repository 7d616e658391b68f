using NewsQA.Testing.Contract;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;

namespace NewsQA.Storage.Embedded.Tests;

/// <summary>What only the embedded store does (schema upgrades on open, sharing a data directory), each test in its own temporary data directory.</summary>
public sealed class EmbeddedNewsStoreTests : StoreContractTests<EmbeddedStoreBackend>
{
    [Fact]
    public async Task AStoreWrittenBeforeLucene_LosesItsFts5TablesAndChunkTexts_AndSearchesAsBefore()
    {
        var (doc, chunks) = StoreTestData.Document("old", "Die Eisenbahnstrecken in Victoria haben verschiedene Spurweiten.");
        await Store.Documents.UpsertAsync(doc, chunks, Ct);
        var before = await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Strecken in Victoria"), SearchFilter.None, 5, Ct);
        Backend.CloseAll();

        // What an older version left on disk: FTS5 tables, each chunk's text copied, and no Lucene index folder.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Backend.DatabaseFile}"))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                CREATE VIRTUAL TABLE chunk_terms USING fts5(terms);
                CREATE VIRTUAL TABLE chunk_grams USING fts5(grams);
                CREATE VIRTUAL TABLE chunk_grams_vocab USING fts5vocab(chunk_grams, 'row');
                CREATE VIRTUAL TABLE document_terms USING fts5(terms);
                INSERT INTO chunk_terms (rowid, terms) SELECT rowid, 'eisenbahnstreck victoria' FROM chunks;
                ALTER TABLE chunks ADD COLUMN text TEXT NOT NULL DEFAULT '';
                """;
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        Directory.Delete(Path.Combine(Backend.DataPath, "lexical"), recursive: true);

        var reopened = await Backend.OpenAsync(Ct);

        var after = await reopened.Lexical.SearchLexicalAsync(StoreTestData.Terms("Strecken in Victoria"), SearchFilter.None, 5, Ct);
        Assert.Equal(before.Select(h => (h.Chunk, h.Score)), after.Select(h => (h.Chunk, h.Score)));
        Backend.CloseAll();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Backend.DatabaseFile}"))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT (SELECT count(*) FROM sqlite_master WHERE name LIKE 'chunk_terms%' OR name LIKE 'chunk_grams%' OR name LIKE 'document_terms%') + (SELECT count(*) FROM pragma_table_info('chunks') WHERE name = 'text')";
            Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync(Ct))!);
        }
    }

    [Fact]
    public async Task AStoreWrittenBeforeLanguages_OpensWithTheirLanguagesDetected()
    {
        var (de, cde) = StoreTestData.Document("de-old", "Die Eisenbahnstrecken in Victoria haben verschiedene Spurweiten, und die Züge sind nicht kompatibel.");
        var (en, cen) = StoreTestData.Document("en-old", "The railway lines of Victoria have different gauges, and the trains are not compatible with each other.");
        await Store.Documents.UpsertAsync(de, cde, Ct);
        await Store.Documents.UpsertAsync(en, cen, Ct);
        Backend.CloseAll();

        // What an older version left on disk: a documents table without the language column.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Backend.DatabaseFile}"))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "ALTER TABLE documents DROP COLUMN language;";
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        var reopened = await Backend.OpenAsync(Ct);

        Assert.Equal("de", (await reopened.Documents.GetAsync("de-old", Ct))!.Language);
        Assert.Equal(["de", "en"], (await reopened.Documents.ListAsync(10, null, Ct)).Select(s => s.Language));
        var english = await reopened.Lexical.SearchLexicalAsync(StoreTestData.Terms("Victoria"), new SearchFilter { Languages = ["en"] }, 5, Ct);
        Assert.Equal("en-old", Assert.Single(english).Chunk.DocumentId);
        Assert.Equal(cen.Count, (await reopened.Documents.GetChunksAsync("en-old", Ct)).Count);
    }

    [Fact]
    public async Task WritesOfAnotherProcess_AreSeenWithoutRestart()
    {
        // Two store instances on one directory stand for the API and `newsqa ingest` running side by side.
        var cli = await Backend.OpenAsync(Ct);
        var (doc, chunks) = StoreTestData.Document("from-cli", "Die Ukraine baut Drohnen in großer Zahl. Die Armee setzt sie ein.", vectorOf: _ => StoreTestData.Axis(5));
        await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct);

        await cli.Documents.UpsertAsync(doc, chunks, Ct);

        Assert.Equal("from-cli", Assert.Single(await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct)).Chunk.DocumentId);
        Assert.Equal("from-cli", (await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(5), SearchFilter.None, 1, Ct))[0].Chunk.DocumentId);
        Assert.Equal(["from-cli"], (await Store.Documents.ListAsync(10, null, Ct)).Select(d => d.Id));

        // Our own write after theirs must not lose theirs; their delete must reach us.
        var (mine, mineChunks) = StoreTestData.Document("from-api", "Der Bundestag berät den Haushalt.", vectorOf: _ => StoreTestData.Axis(6));
        await Store.Documents.UpsertAsync(mine, mineChunks, Ct);
        Assert.Equal(["from-api", "from-cli"], (await Store.Documents.ListAsync(10, null, Ct)).Select(d => d.Id));
        await cli.Documents.DeleteAsync("from-cli", Ct);
        Assert.Empty(await Store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), SearchFilter.None, 5, Ct));
        Assert.All(await Store.Vectors.SearchDenseAsync(StoreTestData.Axis(5), SearchFilter.None, 5, Ct), h => Assert.Equal("from-api", h.Chunk.DocumentId));
    }

    [Fact]
    public async Task UnwritableDataPath_IsReportedAsStoreUnavailable()
    {
        var file = Path.Combine(Path.GetTempPath(), "newsqa-not-a-dir-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "x", Ct);
        try
        {
            using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = Path.Combine(file, "data") }), NewsQA.Testing.Contract.StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
            var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Documents.InitializeAsync(Ct));
            Assert.Equal("embedded store", ex.Component);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
