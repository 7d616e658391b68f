using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Testing;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Embedded.Tests;

/// <summary>
/// Issue 35: an installation from before collections keeps working. The data folder the previous build wrote
/// (<see cref="StoreV3Folder"/>) opens, is stamped with the current schema version, and every document in it is a
/// document of <c>default</c>, found by its old id, listed, counted and searched there, and nowhere else.
/// </summary>
public sealed class CollectionUpgradeTests : IDisposable
{
    private readonly TempFolder folder = new("newsqa-upgrade-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task Version3Folder_Opens_WithItsDocumentsInDefault()
    {
        var dataPath = StoreV3Folder.CopyTo(Path.Combine(folder, "data"));
        using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = dataPath }), StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        await store.Documents.InitializeAsync(Ct);

        Assert.Equal(StoreV3Folder.SeedIds, (await store.Documents.ListAsync(10, null, Ct, DocumentKey.DefaultCollection)).Select(s => s.Id));
        Assert.Empty(await store.Documents.ListAsync(10, null, Ct, "desk"));
        Assert.Equal(StoreV3Folder.SeedIds.Length, (await store.Documents.GetStatisticsAsync(Ct)).Collections[DocumentKey.DefaultCollection]);
        Assert.NotNull(await store.Documents.GetAsync(StoreV3Folder.SeedIds[0], Ct));

        // The old lexical index has no collection field: it is rebuilt, and a search of default finds the seeds again.
        var hits = await store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Raketen Ukraine"), SearchFilter.None, 5, Ct);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains(h.Chunk.DocumentId, StoreV3Folder.SeedIds));
        Assert.Empty(await store.Lexical.SearchLexicalAsync(StoreTestData.Terms("Raketen Ukraine"), new SearchFilter { Collection = "desk" }, 5, Ct));

        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "newsqa.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version) || ' ' || group_concat(DISTINCT collection) FROM documents";
        // Every later step runs too: the file ends at the current version (5 since stories).
        Assert.Equal($"{SchemaVersion.Current} default", command.ExecuteScalar());
    }
}
