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
