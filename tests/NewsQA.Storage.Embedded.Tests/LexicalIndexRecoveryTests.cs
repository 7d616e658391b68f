using Microsoft.Data.Sqlite;
using NewsQA.Core.Storage;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Embedded.Tests;

/// <summary>
/// The Lucene index is derived from SQLite (Lexical/LexicalIndexSync): whatever happens to it, search answers what the
/// stored documents say, as a freshly built index would, with no ghost hit of a deleted document and no gap.
/// </summary>
public sealed class LexicalIndexRecoveryTests : IAsyncLifetime
{
    private static readonly (string Id, string Text)[] Articles =
    [
        ("drohnen", "Die Ukraine baut Drohnen in großer Zahl. Die Armee setzt die Drohnen an der Front ein."),
        ("haushalt", "Der Bundestag berät über den Haushalt. Für Drohnen und Munition sind mehr Mittel vorgesehen."),
        ("bahn", "Die Gewerkschaft ruft zum Streik bei der Bahn auf. Fernzüge fallen aus."),
        ("wetter", "Das Wetter bleibt wechselhaft. Die Bahn warnt vor Verspätungen durch Gewitter."),
    ];

    private static readonly string[] Queries = ["Drohnen", "Bahn Streik", "Haushalt Munition", "Gewitter Verspätungen"];

    private readonly EmbeddedStoreBackend backend = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string LexicalFolder => Path.Combine(backend.DataPath, "lexical");

    public async ValueTask InitializeAsync()
    {
        var store = await backend.OpenAsync(Ct);
        foreach (var (id, text) in Articles)
        {
            var (document, chunks) = StoreTestData.Document(id, text);
            await store.Documents.UpsertAsync(document, chunks, Ct);
        }
    }

    public ValueTask DisposeAsync() => backend.DisposeAsync();

    [Fact]
    public async Task ALostIndexFolder_IsRebuiltOnOpen_AndRanksAsBefore()
    {
        var before = await SearchAllAsync(await backend.OpenAsync(Ct));
        backend.CloseAll();
        Directory.Delete(LexicalFolder, recursive: true);

        var after = await SearchAllAsync(await backend.OpenAsync(Ct));

        Assert.Equal(before, after);
        Assert.Equal(4, before.Count(ids => ids.Count > 0));
        Assert.Contains("drohnen#0", before[0]);
    }

    [Fact]
    public async Task ChangesCommittedToSqliteButNotToTheIndex_AreCaughtUpOnOpen_WithoutGhosts()
    {
        backend.CloseAll();

        // What a kill between the SQLite commit and the index's leaves: a document gone from SQLite, its log entry
        // written, the index still holding its chunks.
        await ExecuteAsync("DELETE FROM chunks WHERE document_id = 'drohnen'; DELETE FROM documents WHERE id = 'drohnen'; INSERT INTO lexical_log (document_id) VALUES ('drohnen');");

        var caughtUp = await SearchAllAsync(await backend.OpenAsync(Ct));
        backend.CloseAll();
        Directory.Delete(LexicalFolder, recursive: true);
        var fresh = await SearchAllAsync(await backend.OpenAsync(Ct));

        Assert.DoesNotContain(caughtUp.SelectMany(ids => ids), id => id.StartsWith("drohnen#", StringComparison.Ordinal));
        Assert.Equal(fresh, caughtUp);
        Assert.Contains("haushalt#0", caughtUp[0]);
    }

    [Fact]
    public async Task AnIndexBuiltFromAnotherStoreFile_IsRebuilt()
    {
        await using var other = new EmbeddedStoreBackend();
        var otherStore = await other.OpenAsync(Ct);
        var (stranger, chunks) = StoreTestData.Document("fremd", "Die Drohnen eines anderen Archivs fliegen über die Bahn.");
        await otherStore.Documents.UpsertAsync(stranger, chunks, Ct);
        other.CloseAll();
        backend.CloseAll();
        Directory.Delete(LexicalFolder, recursive: true);
        CopyFolder(Path.Combine(other.DataPath, "lexical"), LexicalFolder);

        var results = await SearchAllAsync(await backend.OpenAsync(Ct));

        Assert.DoesNotContain(results.SelectMany(ids => ids), id => id.StartsWith("fremd#", StringComparison.Ordinal));
        Assert.Contains("drohnen#0", results[0]);
    }

    [Fact]
    public async Task ACorruptedIndex_IsReportedAsUnavailable_ThenRebuilt()
    {
        var expected = await SearchAllAsync(await backend.OpenAsync(Ct));
        backend.CloseAll();
        foreach (var file in Directory.EnumerateFiles(LexicalFolder).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            new Random(7).NextBytes(bytes.AsSpan(Math.Min(16, bytes.Length / 2)));
            await File.WriteAllBytesAsync(file, bytes, Ct);
        }

        var store = await backend.OpenAsync(Ct);

        // Damage found on open is rebuilt before the store answers; damage found by a search answers 503 until rebuilt.
        List<List<string>>? results = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (results is null && DateTime.UtcNow < deadline)
        {
            try
            {
                results = await SearchAllAsync(store);
            }
            catch (StoreUnavailableException ex)
            {
                Assert.Equal("lexical index", ex.Component);
                await Task.Delay(100, Ct);
            }
        }

        Assert.Equal(expected, results);
    }

    private static async Task<List<List<string>>> SearchAllAsync(EmbeddedNewsStore store)
    {
        var results = new List<List<string>>();
        foreach (var query in Queries)
        {
            var hits = await store.Lexical.SearchLexicalAsync(StoreTestData.Terms(query), SearchFilter.None, 10, Ct);
            // Ids in rank order: scores may differ in the last digits, since Lucene counts a replaced chunk in its
            // statistics until a merge drops it, and a freshly built index has none.
            results.Add([.. hits.Select(h => h.Chunk.Id)]);
        }

        return results;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={backend.DatabaseFile};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
