using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using NewsQA.Testing;

namespace NewsQA.Storage.Embedded.Tests;

/// <summary>
/// Issue 33 item 17: the store's file records what it is and which schema version it has. A SQLite file of another
/// program (or of a newer NewsQA) is refused before anything is written into it, not even WAL mode; a file of an
/// older NewsQA, written before the version was recorded, is upgraded and stamped.
/// </summary>
public sealed class SchemaVersionTests : IDisposable
{
    private readonly TempFolder folder = new("newsqa-schema-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataPath => Path.Combine(folder, "data");

    private string File => Path.Combine(DataPath, "newsqa.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task ForeignFile_IsRefused_AndLeftByteForByteUntouched()
    {
        Directory.CreateDirectory(DataPath);
        Execute("PRAGMA journal_mode = DELETE; CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO kunden (name) VALUES ('Meier');");
        var before = Hash();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => OpenAsync());

        Assert.Contains("another program", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash());
        Assert.Equal(["newsqa.db"], Directory.GetFiles(DataPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task FileOfANewerSchema_IsRefusedUntouched()
    {
        await OpenAsync();
        SqliteConnection.ClearAllPools();
        var current = Scalar("PRAGMA user_version");
        Execute($"PRAGMA user_version = {current + 1}; PRAGMA journal_mode = DELETE;");
        var before = Hash();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => OpenAsync());

        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash());
    }

    [Fact]
    public async Task OwnFileWithoutAVersion_IsUpgradedAndStamped()
    {
        await OpenAsync();
        SqliteConnection.ClearAllPools();
        var stamped = (Scalar("PRAGMA application_id"), Scalar("PRAGMA user_version"));
        Execute("PRAGMA application_id = 0; PRAGMA user_version = 0;");

        await OpenAsync();
        SqliteConnection.ClearAllPools();

        Assert.NotEqual(0, stamped.Item1);
        Assert.NotEqual(0, stamped.Item2);
        Assert.Equal(stamped, (Scalar("PRAGMA application_id"), Scalar("PRAGMA user_version")));
    }

    /// <summary>Version 3 records the file name a document's id came from; a version-2 file gets the column, its documents none.</summary>
    [Fact]
    public async Task Version2File_GetsTheFileNameColumn_AndItsDocumentsTakeTheNextName()
    {
        await OpenAsync();
        SqliteConnection.ClearAllPools();
        var current = Scalar("PRAGMA user_version");
        Execute("ALTER TABLE documents DROP COLUMN file_name; PRAGMA user_version = 2;");
        var (legacy, chunks) = NewsQA.Testing.Contract.StoreTestData.Document("alt", "Ein alter Bericht über den Hafen.");
        Execute($"INSERT INTO documents (id, title, text, content_hash, chunk_count, updated_at, language) VALUES ('alt', 't', '{legacy.Text}', 'h', 0, '2025-01-01', 'de')");

        using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = DataPath }), NewsQA.Testing.Contract.StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        await store.Documents.InitializeAsync(Ct);

        Assert.Equal(current, Scalar("PRAGMA user_version"));
        Assert.Null((await store.Documents.GetAsync("alt", Ct))!.FileName);
        Assert.False(await store.Documents.UpsertAsync(legacy with { FileName = "alt.txt" }, chunks, Ct));
        Assert.Equal("alt.txt", (await store.Documents.GetAsync("alt", Ct))!.FileName);
    }

    /// <summary>Version 5 records stories; a version-4 file's documents become stories of their own until they are written again.</summary>
    [Fact]
    public async Task Version4File_GetsStories_ItsDocumentsEachTheirOwn()
    {
        await OpenAsync();
        SqliteConnection.ClearAllPools();
        Execute("DROP TABLE story_bands; DROP INDEX documents_by_story; ALTER TABLE documents DROP COLUMN story_id; ALTER TABLE documents DROP COLUMN story_signature; PRAGMA user_version = 4;");
        Execute("INSERT INTO documents (id, title, text, content_hash, chunk_count, updated_at, language) VALUES ('alt', 't', 'Ein alter Bericht über den Hafen.', 'h', 0, '2025-01-01', 'de')");

        using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = DataPath }), NewsQA.Testing.Contract.StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        await store.Documents.InitializeAsync(Ct);

        Assert.Equal(SchemaVersion.Current, Scalar("PRAGMA user_version"));
        Assert.Equal("alt", (await store.Documents.GetAsync("alt", Ct))!.StoryId);
        Assert.Equal(["alt"], (await store.Stories.GetStoryMembersAsync(["alt"], Ct)).Select(m => m.Id));
    }

    private async Task OpenAsync()
    {
        using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = DataPath }), NewsQA.Testing.Contract.StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        await store.Documents.InitializeAsync(Ct);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private string Hash() => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(File)));
}
