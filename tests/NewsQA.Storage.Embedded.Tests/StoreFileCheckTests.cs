using Microsoft.Data.Sqlite;
using NewsQA.Core.Storage;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Embedded.Tests;

/// <summary>
/// Issue 33 item 8, the way back: readiness sends the operator of a damaged store file to <c>newsqa reindex</c>, which
/// first runs this check. A file whose index no longer matches its table (played by redeclaring the index's columns
/// behind SQLite's back, so the stored entries are wrong for it) fails SQLite's integrity check, is repaired by
/// rebuilding its indexes, and keeps every document.
/// </summary>
public sealed class StoreFileCheckTests : IAsyncDisposable
{
    private readonly EmbeddedStoreBackend backend = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => backend.DisposeAsync();

    [Fact]
    public async Task SoundFile_IsSound()
    {
        var store = await backend.OpenAsync(Ct);

        Assert.Equal(StoreFileState.Sound, await store.FileCheck.CheckAndRepairAsync(Ct));
    }

    [Fact]
    public async Task DamagedIndex_IsRebuilt_AndTheDocumentsStay()
    {
        var store = await backend.OpenAsync(Ct);
        foreach (var id in new[] { "a", "b", "c" })
        {
            var (doc, chunks) = StoreTestData.Document(id, "Die Ukraine baut Drohnen in großer Zahl. Die Armee setzt sie ein.");
            await store.Documents.UpsertAsync(doc, chunks, Ct);
        }

        backend.CloseAll();
        using (var connection = new SqliteConnection($"Data Source={backend.DatabaseFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE INDEX chunks_by_document ON chunks(idx, document_id)' WHERE name = 'chunks_by_document'; PRAGMA writable_schema = OFF;";
            command.ExecuteNonQuery();
        }

        var reopened = await backend.OpenAsync(Ct);
        var state = await reopened.FileCheck.CheckAndRepairAsync(Ct);

        Assert.Equal(StoreFileState.Repaired, state);
        Assert.Equal(StoreFileState.Sound, await reopened.FileCheck.CheckAndRepairAsync(Ct));
        Assert.Equal(3, (await reopened.Documents.GetStatisticsAsync(Ct)).Documents);
        Assert.NotEmpty(await reopened.Documents.GetChunksAsync("b", Ct));
    }
}
